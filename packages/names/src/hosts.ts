/**
 * Province from a web address: the 34 行政区域名 of the .cn domain (bj.cn, yn.cn, …, also used
 * as yn.gov.cn), from CNNIC's 中国互联网络域名体系. Only these labels are read; a county's own
 * pinyin host is not guessed at.
 */
const PROVINCE_LABELS: Record<string, string> = {
  bj: '11', tj: '12', he: '13', sx: '14', nm: '15', ln: '21', jl: '22', hl: '23', sh: '31', js: '32',
  zj: '33', ah: '34', fj: '35', jx: '36', sd: '37', ha: '41', hb: '42', hn: '43', gd: '44', gx: '45',
  hi: '46', cq: '50', sc: '51', gz: '52', yn: '53', xz: '54', sn: '61', gs: '62', qh: '63', nx: '64', xj: '65',
};

/** `www.xinping.yn.gov.cn` → 53 (云南). */
export function provinceOfHost(host: string): string | null {
  const m = /\.([a-z]{2})\.(?:gov\.)?cn$/.exec(host);
  return m ? PROVINCE_LABELS[m[1]] ?? null : null;
}
