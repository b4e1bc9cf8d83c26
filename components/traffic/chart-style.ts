// Chart tooltip colours from the theme's variables, so recharts' white box follows light and dark.
import type { CSSProperties } from 'react';

export const tooltipStyle: CSSProperties = {
  background: 'var(--surface)',
  borderColor: 'var(--line-strong)',
  color: 'var(--fg)',
  fontSize: 12,
};
