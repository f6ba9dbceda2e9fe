import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { formatInZone, parseLocal } from '../../../domain/time/calendar';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/** Choose a lead and a moment (in the organisation's zone) to reconstruct. */
export function ProofPicker({
  lead,
  at,
  timeZone,
  onPick,
}: {
  lead: number | undefined;
  at: number | undefined;
  timeZone: string;
  onPick: (lead: number, at: number) => void;
}) {
  const { t } = useTranslation();
  const [leadText, setLeadText] = useState(lead ? String(lead) : '');
  const [moment, setMoment] = useState(() => formatInZone(at ?? Date.now(), LOCAL, timeZone));
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const id = Number(leadText);
    const ms = parseLocal(moment, LOCAL, timeZone);
    if (!Number.isInteger(id) || id <= 0 || ms === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onPick(id, ms);
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-3"
      aria-label={t('compliance.proof.pickTitle')}
    >
      <div className="w-32">
        <Field label={t('compliance.proof.leadId')} error={invalid ? t('compliance.proof.pickInvalid') : undefined}>
          {(p) => (
            <input
              {...p}
              className={inputClass}
              inputMode="numeric"
              value={leadText}
              onChange={(e) => setLeadText(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="w-60">
        <Field label={t('compliance.proof.moment')} help={timeZone}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              className={inputClass}
              value={moment}
              onChange={(e) => setMoment(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="pb-5">
        <Button type="submit" variant="primary">
          {t('compliance.proof.show')}
        </Button>
      </div>
    </form>
  );
}
