#!/bin/sh
# html.sh -- `hearsay extract --format html` over real articles: every page
# of PolNeAR dev (and the example) is properly nested, its article pane
# shows exactly the article's text, every attribution has its entry and a
# highlight, and nothing the article holds becomes markup. Prints
# "ok NAME" / "not ok NAME"; run from the repository root.
HEARSAY=${HEARSAY:-build/hearsay}
SHARED=${SHARED:-../shared}
case $HEARSAY in /*) ;; *) HEARSAY=$(pwd)/$HEARSAY ;; esac
DEV=$SHARED/data/polnear/dev/text
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

check() { # NAME CONDITION
    if eval "$2"; then echo "ok $1"; else echo "not ok $1"; fi
}

mkdir "$T/in" "$T/out"
cp "$DEV"/*.txt examples/klain-taliban.txt "$T/in/"
"$HEARSAY" extract --format html -o "$T/out" "$T/in" 2>"$T/err"
check "html: extract --format html over PolNeAR dev" '[ $? -eq 0 ]'
n_in=$(ls "$T/in" | wc -l)
n_out=$(ls "$T/out"/*.html 2>/dev/null | wc -l)
check "html: one page per article ($n_in)" '[ "$n_in" -eq "$n_out" ]'

# For each page: nesting (a stack over the tags), pane text == article,
# entries a1..aN all present, each with a highlight, no <script>.
python3 - "$T/in" "$T/out" >"$T/report" 2>&1 <<'PY'
import html, html.parser, os, re, sys
src, out = sys.argv[1], sys.argv[2]
VOID = {"meta", "br", "hr", "img", "input", "link"}

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.bad, self.pane, self.depth, self.tags = [], 0, [], 0, set()
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag in VOID: return
        self.stack.append(tag)
        a = dict(attrs)
        if self.depth or (tag == "div" and a.get("class") == "text"): self.depth += 1
    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag: self.bad += 1
        if self.depth: self.depth -= 1
    def handle_data(self, data):
        if self.depth: self.pane.append(data)

fails = []
for name in sorted(os.listdir(out)):
    page = open(os.path.join(out, name), encoding="utf-8").read()
    text = open(os.path.join(src, name[:-5] + ".txt"), "rb").read().decode("utf-8", "replace")
    p = Page(); p.feed(page); p.close()
    n = len(re.findall(r'<li id="a\d+"', page))
    missing = [i for i in range(1, n + 1) if f'data-a="{i}"' not in page]
    why = []
    if p.bad or p.stack: why.append("nesting")
    if "".join(p.pane) != text.replace("\0", "\ufffd"): why.append("pane text differs")
    if missing: why.append(f"no highlight for {missing[:5]}")
    if "script" in p.tags: why.append("script element")
    if why: fails.append(f"{name}: {', '.join(why)}")
print(f"{len(os.listdir(out))} pages, {len(fails)} bad")
for f in fails[:10]: print(f)
sys.exit(1 if fails else 0)
PY
rc=$?
check "html: every page nested, exact text, every attribution highlighted" '[ $rc -eq 0 ]'
[ $rc -eq 0 ] || cat "$T/report" >&2
k=$T/out/klain-taliban.html
# the legend: one entry per distinct resolved name (+1 for unresolved ones)
want=$("$HEARSAY" extract --format jsonl examples/klain-taliban.txt | python3 -c '
import json, sys
names = set()
for line in sys.stdin:
    r = json.loads(line)
    sp = r.get("speaker") or {}
    names.add(sp.get("name") or r.get("speaker_name") or "\0unresolved")
print(len(names))')
got=$(grep -c "<li class=\"s[0-9]*\"><span class=\"sw\">" "$k")
check "html: example legend has one entry per speaker ($want)" '[ "$got" -eq "$want" ] && [ "$want" -ge 5 ]'
check "html: example debris labelled" 'grep -q "data-label=\"set aside: related-headline" "$k" && grep -q "data-label=\"set aside: embedded-post by Mehdi Hasan" "$k"'
