import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Select } from '../../../components/ui/select';
import { useCatalog } from '../../../shared/catalog/use-catalog';

/** A select of the stored sources or campaigns by name; `leading` options (keep, none) come first. */
export function CatalogSelect({
  of,
  leading,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { of: 'sources' | 'campaigns'; leading?: ReactNode }) {
  const catalog = useCatalog();
  return (
    <Select {...props}>
      {leading}
      {catalog?.[of].map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </Select>
  );
}
