'use client';
// The console's navigation; later issues fill in Traefik, Traffic and the walkthrough.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/', label: 'Overview' },
  { href: '/walkthrough', label: 'Walkthrough' },
  { href: '/instances', label: 'Instances' },
  { href: '/services', label: 'Services' },
  { href: '/tasks', label: 'Tasks' },
  { href: '/task-definitions', label: 'Task definitions' },
  { href: '/traefik', label: 'Traefik' },
  { href: '/traffic', label: 'Traffic' },
  { href: '/settings', label: 'Settings' },
];

export function Sidebar() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex flex-col gap-0.5 p-2 text-sm">
      <p className="px-3 py-3 text-sm font-semibold tracking-tight">Anywhere Console</p>
      {links.map((link) => {
        const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className="rounded-md border-l-4 border-transparent px-3 py-1.5 text-fg hover:bg-surface aria-[current=page]:border-accent aria-[current=page]:bg-surface aria-[current=page]:font-semibold"
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
