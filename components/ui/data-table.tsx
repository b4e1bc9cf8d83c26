'use client';
// The one table for every resource: sortable columns, optional row selection, virtualised rows, arrow-key rows.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type Row,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';

const ROW_HEIGHT = 44;

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
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colSpan = table.getVisibleLeafColumns().length;

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row<T>) => {
    if (event.target !== event.currentTarget) return;
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

  return (
    <div ref={scrollRef} className="overflow-auto" style={{ maxHeight }}>
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
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden>
              <td colSpan={colSpan} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                tabIndex={0}
                aria-selected={row.getIsSelected() || undefined}
                onKeyDown={(event) => onRowKey(event, item.index, row)}
                onDoubleClick={onOpenRow ? () => onOpenRow(row.original) : undefined}
                className="border-t border-line align-top hover:bg-surface-2 aria-selected:bg-blue-50 dark:aria-selected:bg-blue-950"
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
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
