/**
 * The 56 ethnic groups' names, as they appear inside autonomous-area names
 * (新平彝族傣族自治县, 察布查尔锡伯自治县, 鄂伦春自治旗). Source: 国家民委 list of the 56 民族.
 */
export const ETHNIC_NAMES = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

/** Trailing ethnic token: `X族`, or a multi-character `X` without 族 (锡伯, 哈萨克). */
function trailingEthnic(text: string): string | null {
  for (const e of ETHNIC_NAMES) {
    if (text.endsWith(`${e}族`)) return `${e}族`;
  }
  if (text.endsWith('各族')) return '各族';
  for (const e of ETHNIC_NAMES) {
    if (e.length >= 2 && text.endsWith(e)) return e;
  }
  return null;
}

/**
 * Splits `新平彝族傣族` into its place stem (新平) and ethnic tokens (彝族, 傣族). The stem keeps
 * at least two characters: 鄂温克族 → stem 鄂温克, since the place is named after the people.
 */
export function splitEthnic(text: string): { stem: string; ethnic: string[] } {
  let stem = text;
  const ethnic: string[] = [];
  for (;;) {
    const token = trailingEthnic(stem);
    if (!token) break;
    const rest = stem.slice(0, -token.length);
    if (rest.length < 2) {
      if (token.endsWith('族') && token.length > 2 && rest.length === 0) stem = token.slice(0, -1);
      break;
    }
    ethnic.unshift(token.endsWith('族') ? token : `${token}族`);
    stem = rest;
  }
  return { stem, ethnic };
}
