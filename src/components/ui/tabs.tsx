import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';

export interface Tab<V extends string> {
  value: V;
  label: ReactNode;
}

/**
 * A tab strip (Radix: arrow keys move between tabs, Home and End jump, focus selects) and the
 * selected tab's panel, `children`. The selected value is the caller's (kept in the URL).
 */
export function Tabs<V extends string>({
  label,
  tabs,
  value,
  onValueChange,
  className = '',
  children,
}: {
  label: string;
  tabs: readonly Tab<V>[];
  value: V;
  onValueChange: (value: V) => void;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <RadixTabs.Root value={value} onValueChange={(v) => onValueChange(v as V)}>
      <RadixTabs.List aria-label={label} className={`flex gap-1 border-b border-slate-200 ${className}`}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.value}
            value={tab.value}
            className="-mb-px border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-500 transition hover:border-slate-300 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700"
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {children !== undefined && (
        <RadixTabs.Content value={value} className="focus-visible:outline-2 focus-visible:outline-indigo-600">
          {children}
        </RadixTabs.Content>
      )}
    </RadixTabs.Root>
  );
}
