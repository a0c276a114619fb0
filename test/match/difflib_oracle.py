"""Oracle for test/match/difflib-oracle.test.ts: runs CPython's difflib on every case.

Usage: python3 difflib_oracle.py CASES.json RESULTS.json

Each case holds a and b (a list of ints or strings, or a str), junk (a list of items, or null
for no isjunk), autojunk and range (alo, ahi, blo, bhi for find_longest_match). The results
are written in the same order.
"""

import difflib
import json
import sys


def rows(items):
    return [list(item) for item in items]


def run(case):
    a, b = case["a"], case["b"]
    junk = case["junk"]
    isjunk = None if junk is None else frozenset(junk).__contains__
    sm = difflib.SequenceMatcher(isjunk, a, b, case["autojunk"])
    result = {
        "blocks": rows(sm.get_matching_blocks()),
        "opcodes": rows(sm.get_opcodes()),
    }
    grouped = {}
    for n in (0, 1, 3):
        # get_grouped_opcodes rewrites the first and last entries of the list that
        # get_opcodes caches, so drop that cache to group the untouched opcodes each time.
        sm.opcodes = None
        grouped[str(n)] = [rows(group) for group in sm.get_grouped_opcodes(n)]
    result["grouped"] = grouped
    result["ratio"] = sm.ratio()
    result["quickRatio"] = sm.quick_ratio()
    result["realQuickRatio"] = sm.real_quick_ratio()
    result["longest"] = list(sm.find_longest_match(*case["range"]))
    result["bjunk"] = sorted(sm.bjunk)
    result["bpopular"] = sorted(sm.bpopular)
    return result


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        cases = json.load(f)
    results = [run(case) for case in cases]
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"python": sys.version.split()[0], "results": results}, f)


if __name__ == "__main__":
    main()
