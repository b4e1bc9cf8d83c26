'use client';
// The one table for every resource: sortable columns, optional row selection, virtualised rows, arrow-key rows.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Cell,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
} from 'react';

// Every row is this tall (cells clip to it), so scrolling never measures a row: the virtualiser does arithmetic only.
const ROW_HEIGHT = 52;

function rowIndexOf(target: EventTarget): number | undefined {
  const tr = (target as HTMLElement).closest?.('tr[data-index]');
  return tr ? Number(tr.getAttribute('data-index')) : undefined;
}

// Memoised: a scroll frame re-renders only the rows it mounts, not every row already on screen.
const DataRow = memo(function DataRow<T>({
  cells,
  index,
  selected,
}: {
  /** The row's memoised cells: the same array until its data or the columns change. */
  cells: Cell<T, unknown>[];
  index: number;
  /** Passed on its own: toggling selection keeps the same cells. */
  selected: boolean;
}) {
  return (
    <tr
      data-index={index}
      tabIndex={0}
      aria-selected={selected || undefined}
      style={{ height: ROW_HEIGHT }}
      className="border-t border-line hover:bg-surface-2 aria-selected:bg-blue-50 dark:aria-selected:bg-blue-950"
    >
      {cells.map((cell) => (
        <td key={cell.id} className="px-3 py-1 whitespace-nowrap">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}) as <T>(props: { cells: Cell<T, unknown>[]; index: number; selected: boolean }) => ReactElement;

export function DataTable<T>({
  data,
  columns,
  getRowId,
  label,
  rowSelection,
  onRowSelectionChange,
  onOpenRow,
  maxHeight = '65vh',
}: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  getRowId: (row: T) => string;
  label: string;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  /** Enter on a focused row (or a double click) opens it; Space selects it. */
  onOpenRow?: (row: T) => void;
  maxHeight?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // The table instance holds functions React Compiler must not memoise across renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, rowSelection: rowSelection ?? {} },
    enableRowSelection: Boolean(onRowSelectionChange),
    onRowSelectionChange,
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colSpan = table.getVisibleLeafColumns().length;

  // One handler on the body for every row, so rows carry no per-row closures.
  const onRowKey = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName !== 'TR') return;
    const index = rowIndexOf(target);
    const row = index === undefined ? undefined : rows[index];
    if (index === undefined || !row) return;
    if (event.key === 'Enter' && onOpenRow) onOpenRow(row.original);
    if (event.key === ' ' && row.getCanSelect()) {
      event.preventDefault();
      row.toggleSelected();
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= rows.length) return;
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
      );
    }
  };

  const onRowDoubleClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const index = rowIndexOf(event.target);
    const row = index === undefined ? undefined : rows[index];
    if (row && onOpenRow) onOpenRow(row.original);
  };

  return (
    // Contained: mounting rows while scrolling relays out this box alone, never the page around it.
    <div ref={scrollRef} className="overflow-auto" style={{ maxHeight, contain: 'content' }}>
      <table
        className="w-full border-collapse text-sm"
        aria-label={label}
        aria-rowcount={rows.length}
      >
        <thead className="sticky top-0 z-10 bg-surface-2 text-left text-xs text-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className="px-3 py-2 font-medium whitespace-nowrap"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:underline"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onRowKey} onDoubleClick={onOpenRow ? onRowDoubleClick : undefined}>
          {paddingTop > 0 ? (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <DataRow
                key={row.id}
                cells={row.getVisibleCells()}
                index={item.index}
                selected={row.getIsSelected()}
              />
            ) : null;
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
