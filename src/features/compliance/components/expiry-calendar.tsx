import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../domain/compliance/compliance-summary';
import { calendarWeeks } from '../../../domain/compliance/expiry-calendar';
import { useFormatters } from '../model/use-formatters';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

/** Consents and retention deadlines falling due in the next days, on a Monday-first calendar. */
export function ExpiryCalendar({
  at,
  days,
  horizonDays,
  timeZone,
}: {
  at: number;
  days: CalendarDay[];
  horizonDays: number;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const longDay = (day: string) => f.dayKey(day, 'long');
  const byDay = new Map(days.map((d) => [d.day, d]));
  const weeks = calendarWeeks(at, horizonDays, timeZone);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const totals = days.reduce((s, d) => ({ consents: s.consents + d.consents, retention: s.retention + d.retention }), {
    consents: 0,
    retention: 0,
  });
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">
        {t('compliance.calendar.summary', {
          consents: f.number(totals.consents),
          retention: f.number(totals.retention),
          days: horizonDays,
        })}
      </p>
      <table
        className="w-full table-fixed border-separate border-spacing-1 text-xs"
        aria-label={t('compliance.calendar.title')}
      >
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" className="pb-1 font-medium text-slate-500">
                {weekday.format(Date.UTC(2024, 0, d === 0 ? 7 : d))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.day}>
              {week.map((cell) => {
                const due = byDay.get(cell.day);
                const label = due
                  ? t('compliance.calendar.cell', {
                      date: longDay(cell.day),
                      consents: due.consents,
                      retention: due.retention,
                    })
                  : longDay(cell.day);
                return (
                  <td
                    key={cell.day}
                    aria-label={label}
                    title={label}
                    className={`h-14 rounded-md p-1 align-top ${!cell.inRange ? 'bg-transparent text-slate-500' : due ? 'bg-indigo-50 ring-1 ring-indigo-100' : 'bg-slate-50'} ${cell.isToday ? 'ring-2 ring-indigo-500' : ''}`}
                  >
                    <div className={`text-[11px] ${cell.inRange ? 'text-slate-600' : ''}`}>
                      {cell.dayOfMonth === 1 ? f.monthDay(cell.day) : cell.dayOfMonth}
                    </div>
                    {due && cell.inRange && (
                      <div className="mt-0.5 flex flex-wrap gap-0.5">
                        {due.consents > 0 && (
                          <span className="rounded bg-amber-200 px-1 font-semibold tabular-nums text-amber-900">
                            {f.number(due.consents)}
                          </span>
                        )}
                        {due.retention > 0 && (
                          <span className="rounded bg-slate-700 px-1 font-semibold tabular-nums text-white">
                            {f.number(due.retention)}
                          </span>
                        )}
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex gap-4 text-xs text-slate-500">
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded bg-amber-200" />
          {t('compliance.calendar.consents')}
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded bg-slate-700" />
          {t('compliance.calendar.retention')}
        </span>
      </p>
    </div>
  );
}
