/**
 * Which file column feeds which field: suggestions from common English and Chinese headers,
 * and a mapping remembered per source. A mapping points from our field names to column
 * positions, never from header text to anything, so a header such as `__proto__` or two
 * columns both called "phone" are just columns.
 */
import { z } from 'zod';
import { CONTACT_COLUMNS } from './contact-columns';

export const LEAD_FIELDS = [...CONTACT_COLUMNS, 'acquiredAt', 'tags', 'consent', 'consentAt', 'consentProof'] as const;
export const CALL_FIELDS = ['phone', 'leadId', 'at', 'outcome', 'duration', 'agent', 'campaign'] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
export type CallField = (typeof CALL_FIELDS)[number];
export type ImportField = LeadField | CallField;

/** Field → column index. */
export type ColumnMapping<F extends string = ImportField> = Partial<Record<F, number>>;

export const IMPORT_FIELDS = [...LEAD_FIELDS, 'leadId', 'at', 'outcome', 'duration', 'agent'] as const;
/** Field → header text, as remembered for a source. */
export const rememberedMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string());
export type RememberedMapping = Partial<Record<ImportField, string>>;

const SYNONYMS: Record<ImportField, readonly string[]> = {
  phone: [
    'phone',
    'phonenumber',
    'phoneno',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cell',
    'cellphone',
    'tel',
    'telephone',
    'telephonenumber',
    'telefon',
    'telefonnummer',
    'telefono',
    'téléphone',
    'handy',
    'number',
    'msisdn',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '联系电话',
    '联系方式',
  ],
  name: [
    'name',
    'fullname',
    'contact',
    'contactname',
    'customer',
    'customername',
    '姓名',
    '名字',
    '联系人',
    '客户',
    '客户姓名',
  ],
  company: [
    'company',
    'companyname',
    'organisation',
    'organization',
    'business',
    'employer',
    'account',
    '公司',
    '公司名称',
    '单位',
    '企业',
    '企业名称',
  ],
  email: ['email', 'emailaddress', 'mail', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  source: ['source', 'leadsource', 'vendor', 'channel', 'origin', '来源', '渠道', '线索来源', '来源渠道'],
  campaign: ['campaign', 'campaignname', 'campaignid', '活动', '营销活动', '活动名称'],
  acquiredAt: [
    'acquiredat',
    'acquired',
    'acquisitiondate',
    'acquisitiontime',
    'acquireddate',
    'acquiredon',
    'collected',
    'collectedat',
    'collectedon',
    'collectiondate',
    'datecollected',
    'capturedat',
    'leaddate',
    'createddate',
    '获取时间',
    '采集时间',
    '获取日期',
    '采集日期',
    '收集时间',
    '收集日期',
    '获客时间',
  ],
  tags: ['tags', 'tag', 'labels', 'label', '标签'],
  consent: ['consent', 'consentstatus', 'optin', 'optedin', '同意', '授权', '是否同意', '同意状态'],
  consentAt: [
    'consentat',
    'consentdate',
    'consenttime',
    'consentedat',
    'optindate',
    'optinat',
    '同意时间',
    '授权时间',
    '同意日期',
  ],
  consentProof: ['consentproof', 'proof', 'proofref', 'consentref', 'consentreference', '同意凭证', '凭证', '授权凭证'],
  leadId: ['leadid', 'lead', 'leadno', '线索id', '线索编号', '客户id'],
  at: [
    'at',
    'calledat',
    'calltime',
    'calldate',
    'time',
    'timestamp',
    'datetime',
    'date',
    'startedat',
    'starttime',
    '呼叫时间',
    '通话时间',
    '拨打时间',
    '时间',
  ],
  outcome: [
    'outcome',
    'result',
    'disposition',
    'status',
    'callresult',
    'calloutcome',
    '结果',
    '通话结果',
    '呼叫结果',
    '状态',
  ],
  duration: ['duration', 'durationsec', 'durationseconds', 'seconds', 'talktime', 'length', '时长', '通话时长'],
  agent: ['agent', 'caller', 'rep', 'user', 'operator', 'agentname', '坐席', '客服', '业务员', '坐席工号'],
};

/** Header text compared loosely: full-width folded, case, spaces and punctuation ignored. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()（）:：#/]+/g, '');
}

/**
 * Display names for the columns: trimmed, blanks named by position, and a name two columns
 * share carried by both with their position ("phone (column 3)", "phone (column 7)"), so
 * neither is hidden behind the other in the mapping or the report.
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const names = headers.map((raw, i) => (raw.trim() === '' ? `column ${i + 1}` : raw.trim()));
  const uses = new Map<string, number>();
  for (const n of names) uses.set(n, (uses.get(n) ?? 0) + 1);
  const taken = new Set<string>();
  return names.map((n, i) => {
    let label = uses.get(n)! > 1 ? `${n} (column ${i + 1})` : n;
    // A real header may already read "phone (column 3)": the later one is told apart again.
    if (taken.has(label)) label = `${label} (column ${i + 1})`;
    taken.add(label);
    return label;
  });
}

/** Header names used by more than one column, with those columns (1-based), for the mapping step to show. */
export function duplicateHeaders(headers: readonly string[]): { name: string; columns: number[] }[] {
  const columns = new Map<string, number[]>();
  headers.forEach((raw, i) => {
    const name = raw.trim();
    if (name !== '') columns.set(name, [...(columns.get(name) ?? []), i + 1]);
  });
  return [...columns].filter(([, cols]) => cols.length > 1).map(([name, cols]) => ({ name, columns: cols }));
}

/** Suggest a column for each field from the headers; each column is used at most once. */
export function suggestMapping<F extends ImportField>(
  headers: readonly string[],
  fields: readonly F[],
): ColumnMapping<F> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping<F> = {};
  for (const field of fields) {
    const synonyms = SYNONYMS[field];
    // Synonyms are in order of preference: "phone" beats a column merely called "number".
    for (const synonym of synonyms) {
      const column = normalised.findIndex((h, i) => h === synonym && !used.has(i));
      if (column >= 0) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/**
 * A remembered mapping applied to this file's headers. A field it names keeps its column where
 * that header exists here (else it stays unset); a field it does not name (the last file had no
 * such column: a campaign column new in this one) takes the column `suggested` for it, unless the
 * remembered fields use that column. So a new column is never dropped for having been absent before.
 */
export function applyRemembered<F extends ImportField>(
  headers: readonly string[],
  remembered: RememberedMapping,
  fields: readonly F[],
  suggested: ColumnMapping<F> = {},
): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const used = new Set<number>();
  for (const field of fields) {
    const header = remembered[field];
    const column = header === undefined ? -1 : headers.indexOf(header);
    if (column >= 0) {
      mapping[field] = column;
      used.add(column);
    }
  }
  for (const field of fields) {
    const column = suggested[field];
    if (remembered[field] === undefined && column !== undefined && !used.has(column)) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

/** The mapping as header texts, for remembering and for the batch record. */
export function mappingToHeaders<F extends ImportField>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
): RememberedMapping {
  const out: RememberedMapping = {};
  for (const [field, column] of Object.entries(mapping) as [F, number | undefined][]) {
    if (column !== undefined && headers[column] !== undefined) out[field] = headers[column];
  }
  return out;
}
