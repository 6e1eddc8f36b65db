#!/usr/bin/env bash
# Rebuilds the PDF fixtures of packages/tables/src/pdf/fixtures and packages/ingest/src/pdf/fixtures:
# small HTML pages in the shapes county disclosures take, printed to PDF by LibreOffice Writer,
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

cd "$work"
for f in repeated-header no-repeat borderless wrapped-labels centred-labels; do
  # Imported as a Writer document (not Writer/Web, which drops the first paragraph).
  soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf "$f.html" >/dev/null 2>&1
  cp "$f.pdf" "$tables/$f.pdf"
done
# A landscape copy: the page is stored portrait with /Rotate 90.
qpdf --rotate=+90 borderless.pdf "$tables/rotated.pdf"
# Encrypted: one needs a password to open, one opens with the empty user password.
qpdf --encrypt secret owner 256 -- borderless.pdf "$ingest/encrypted-password.pdf"
qpdf --encrypt '' owner 256 -- borderless.pdf "$ingest/encrypted-empty-password.pdf"
ls -la "$tables" "$ingest"
