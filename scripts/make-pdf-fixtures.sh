#!/usr/bin/env bash
# Rebuilds the PDF fixtures of packages/tables/src/pdf/fixtures and packages/ingest/src/pdf/fixtures:
# small HTML pages (and flat ODT documents where column widths must hold) in the shapes county
# disclosures take, printed to PDF by LibreOffice Writer,
# plus rotated and encrypted copies made with qpdf. Tests read the committed PDFs; they never
# need LibreOffice or qpdf.
#
#   scripts/make-pdf-fixtures.sh        (needs soffice, qpdf, python3, fonts-noto-cjk)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tables="$root/packages/tables/src/pdf/fixtures"
ingest="$root/packages/ingest/src/pdf/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$tables" "$ingest"

python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-size:10pt} td,th{font-size:9pt}</style></head><body>'

def page(name, body):
    with open(os.path.join(work, name + '.html'), 'w', encoding='utf-8') as f:
        f.write(HEAD + body + '</body></html>')

def context(title, code):
    return (f'<p align="center"><b>{title}</b></p><p align="right">{code}</p>'
            '<p>部门：测试县农业农村局　　　　　金额单位：元</p>')

# Function classification rows: 类 / 款 / 项 codes with amounts that add up.
def rows(n, start=0):
    out = []
    for i in range(start, start + n):
        total = 10000 + i * 137
        basic = 6000 + i * 91
        out.append((f'21301{i % 100:02d}', f'农业农村事务项目{i + 1}', f'{total:,}.50', f'{basic:,}.25', f'{total - basic:,}.25'))
    return out

def table(body_rows, header_rows, border=1, thead=True, width=None):
    attrs = f'border="{border}" cellspacing="0" cellpadding="3"' + (f' width="{width}"' if width else '')
    head = ''.join(header_rows)
    body = ''.join('<tr>' + ''.join(f'<td>{c}</td>' for c in r) + '</tr>' for r in body_rows)
    if thead:
        return f'<table {attrs}><thead>{head}</thead><tbody>{body}</tbody></table>'
    return f'<table {attrs}>{head}{body}</table>'

TWO_LEVEL = ['<tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">合计</th><th colspan="2">本年支出</th></tr>',
             '<tr><th>基本支出</th><th>项目支出</th></tr>']

# 1. A ruled table running over three pages, header rows repeated on each page.
page('repeated-header', context('部门支出总表', '公开03表') + table(rows(70), TWO_LEVEL) + '<p>注：本表数据为测试数据。</p>')
# 2. The same table without a repeated header.
page('no-repeat', context('部门支出总表', '公开03表') + table(rows(70), TWO_LEVEL, thead=False))
# 3. A borderless table between paragraphs.
page('borderless', '<p>测试县2023年部门决算公开</p>' + context('“三公”经费支出表', '公开09表')
     + table([('合计', '', '36,000.00', '30,000.00', '6,000.00'), ('因公出国（境）费', '', '0.00', '0.00', '0.00'),
              ('公务用车购置及运行费', '', '30,000.00', '25,000.00', '5,000.00'), ('公务接待费', '', '6,000.00', '5,000.00', '1,000.00')],
             ['<tr><th>项目</th><th>行次</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>'], border=0)
     + '<p>说明：本年度无因公出国（境）费支出。</p>')
# 4. Labels wrapped over two or three lines in a narrow column, figures at the top of the row.
long_rows = [('2080505', '机关事业单位基本养老保险缴费支出', '246,633.46'), ('2080506', '机关事业单位职业年金缴费支出', '65,021.28'),
             ('2101101', '行政单位医疗', '53,534.42'), ('2210201', '住房公积金', '219,021.26')]
page('wrapped-labels', context('一般公共预算支出表', '公开05表')
     + '<table border="0" cellspacing="0" cellpadding="2" width="360"><tr><th width="80">科目编码</th><th width="90">科目名称</th><th width="190">合计</th></tr>'
     + ''.join(f'<tr valign="top"><td>{a}</td><td>{b}</td><td>{c}</td></tr>' for a, b, c in long_rows) + '</table>')
# 5. The same labels with the figures and codes centred beside them (vertical-align: middle).
page('centred-labels', context('一般公共预算支出表', '公开05表')
     + '<table border="0" cellspacing="0" cellpadding="2" width="360"><tr><th width="80">科目编码</th><th width="90">科目名称</th><th width="190">合计</th></tr>'
     + ''.join(f'<tr valign="middle"><td>{a}</td><td>{b}</td><td align="right">{c}</td></tr>' for a, b, c in long_rows) + '</table>')
PY

python3 - "$work" <<'PY'
import sys, os, html
work = sys.argv[1]
# Writer documents (flat ODT) where column widths must hold: HTML import widens columns to fit.
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
FIGURE = lambda t: t.replace(',', '').replace('.', '').isdigit() and ('.' in t or ',' in t)

def odt(name, parts, widths, border, valign='top'):
    """parts: list of ('p', style, text) | ('table', rows) | ('break',). Column widths in cm; cell margins as Word's (0.19 cm)."""
    b = 'fo:border="0.5pt solid #000000"' if border else 'fo:border="none"'
    cols = ''.join(f'<style:style style:name="c{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>' for i, w in enumerate(widths))
    styles = (f'<style:style style:name="T" style:family="table"><style:table-properties style:width="{sum(widths):.2f}cm" table:align="left"/></style:style>{cols}'
              f'<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:padding-left="0.19cm" fo:padding-right="0.19cm" fo:padding-top="0cm" fo:padding-bottom="0cm" style:vertical-align="{valign}" {b}/></style:style>'
              '<style:style style:name="L" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>'
              '<style:style style:name="R" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt"/></style:style>'
              '<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>'
              '<style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/><style:text-properties fo:font-size="9pt"/></style:style>'
              '<style:style style:name="N" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>')
    body = ''
    n = 0
    for part in parts:
        if part[0] == 'p':
            body += f'<text:p text:style-name="{part[1]}">{html.escape(part[2])}</text:p>'
        elif part[0] == 'break':
            body += '<text:p text:style-name="B"/>'
        else:
            n += 1
            body += f'<table:table table:name="t{n}" table:style-name="T">' + ''.join(f'<table:table-column table:style-name="c{i}"/>' for i in range(len(widths)))
            for row in part[1]:
                body += '<table:table-row>' + ''.join(
                    f'<table:table-cell table:style-name="C" office:value-type="string"><text:p text:style-name="{"R" if FIGURE(c) else "L"}">{html.escape(c)}</text:p></table:table-cell>' for c in row) + '</table:table-row>'
            body += '</table:table>'
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
           f'<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document>')
    with open(os.path.join(work, name + '.fodt'), 'w', encoding='utf-8') as f:
        f.write(doc)

def title(t, code):
    return [('p', 'R', code), ('p', 'H', t), ('p', 'N', '部门：测试县农业农村局　　　　　　　　金额单位：元')]

# 6. Figures wrapped inside narrow cells (7,589,7 / 02.85 and 3800.0 / 0), ruled and borderless.
HEAD = ('科目编码', '科目名称', '合计', '基本支出', '项目支出')
wrapped = [HEAD, ('213', '农林水支出', '7,589,702.85', '3,800.00', '7,585,902.85'),
           ('21301', '农业农村', '7,589,702.85', '3,800.00', '7,585,902.85'),
           ('2130101', '行政运行', '3,800.00', '3,800.00', '0.00'),
           ('2130199', '其他农业农村支出', '7,585,902.85', '0.00', '7,585,902.85')]
for name, border in (('wrapped-figures', True), ('wrapped-figures-borderless', False)):
    odt(name, title('一般公共预算支出表', '公开05表') + [('table', wrapped)], [1.8, 3.2, 1.55, 1.45, 1.55], border)

# 7. A table whose title lines, header, 栏次 and 合计 rows are printed again on the next page,
# with labels wrapped over two lines beside figures centred in their rows, no 续表 marker.
income_head = [('科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'), ('栏次', '', '1', '2', '3'),
               ('', '合计', '16,681,400.00', '16,681,300.00', '100.00')]
part1 = [('208', '社会保障和就业支出', '762,300.00', '762,300.00', '0.00'), ('20805', '行政事业单位养老支出', '762,300.00', '762,300.00', '0.00'),
         ('2080505', '机关事业单位基本养老保险缴费支出', '534,500.00', '534,500.00', '0.00'), ('2080506', '机关事业单位职业年金缴费支出', '227,800.00', '227,800.00', '0.00'),
         ('214', '交通运输支出', '15,310,400.00', '15,310,300.00', '100.00'), ('21401', '公路水路运输', '15,310,400.00', '15,310,300.00', '100.00'),
         ('2140101', '行政运行', '6,093,000.00', '6,092,900.00', '100.00'), ('2140102', '一般行政管理事务', '9,056,000.00', '9,056,000.00', '0.00'),
         ('2140199', '其他公路水路运输支出', '161,400.00', '161,400.00', '0.00')]
part2 = [('221', '住房保障支出', '608,700.00', '608,700.00', '0.00'), ('22102', '住房改革支出', '608,700.00', '608,700.00', '0.00'),
         ('2210201', '住房公积金', '608,700.00', '608,700.00', '0.00')]
odt('retitled', title('收入决算表', '表2') + [('table', income_head + part1), ('break',)]
    + title('收入决算表', '表2') + [('table', income_head + part2), ('p', 'N', '注：本表反映部门本年度取得的各项收入情况。')],
    [1.8, 3.0, 2.6, 2.6, 2.0], False, 'middle')
PY

cd "$work"
for f in repeated-header no-repeat borderless wrapped-labels centred-labels; do
  # Imported as a Writer document (not Writer/Web, which drops the first paragraph).
  soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf "$f.html" >/dev/null 2>&1
  cp "$f.pdf" "$tables/$f.pdf"
done
for f in wrapped-figures wrapped-figures-borderless retitled; do
  soffice --headless --convert-to pdf "$f.fodt" >/dev/null 2>&1
  cp "$f.pdf" "$tables/$f.pdf"
done
# A landscape copy: the page is stored portrait with /Rotate 90.
qpdf --rotate=+90 borderless.pdf "$tables/rotated.pdf"
# Encrypted: one needs a password to open, one opens with the empty user password.
qpdf --encrypt secret owner 256 -- borderless.pdf "$ingest/encrypted-password.pdf"
qpdf --encrypt '' owner 256 -- borderless.pdf "$ingest/encrypted-empty-password.pdf"
ls -la "$tables" "$ingest"
