// Shown while a console page's first snapshot loads.
import { Skeleton } from '@/components/ui/states';

export default function Loading() {
  return <Skeleton rows={8} label="Loading" />;
}
