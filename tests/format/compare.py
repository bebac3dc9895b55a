"""Check one output of manlint against its gcc-format output of the
same run: every diagnostic must be there with its file, line, column,
level, rule, message and suggestion, and nothing else.

usage: compare.py FORMAT OUTPUT GCC-OUTPUT [SCHEMA]

FORMAT is sarif, github or checkstyle.  For sarif, SCHEMA names the
SARIF 2.1.0 JSON schema, which the output must validate against.
Exits 1 with the reason on standard error if the output is wrong.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

GCC = re.compile(r"^(.*):(\d+):(\d+): (style|warning|error): (.*) \[([a-z0-9-]+)\]$")


def suggestion(msg):
    """The clause after the first "; " outside double quotes."""
    quoted = False
    for i, ch in enumerate(msg):
        if ch == '"':
            quoted = not quoted
        elif not quoted and msg.startswith("; ", i) and i + 2 < len(msg):
            return msg[i + 2:]
    return None


def expected(path):
    diags = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = GCC.match(line.rstrip("\n"))
            if m:
                diags.append((m[1], int(m[2]), int(m[3]), m[4], m[6], m[5]))
    return diags


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


def sarif(out, schema_path):
    import jsonschema

    with open(out, encoding="utf-8") as f:
        log = json.load(f)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    for r in rules:
        for key in ("shortDescription", "fullDescription", "help"):
            if not r.get(key, {}).get("text"):
                fail("rule %s has no %s" % (r["id"], key))
    level = {"note": "style", "warning": "warning", "error": "error"}
    got = []
    for res in run["results"]:
        if ids[res["ruleIndex"]] != res["ruleId"]:
            fail("ruleIndex %d is not %s" % (res["ruleIndex"], res["ruleId"]))
        loc = res["locations"][0]["physicalLocation"]
        msg = res["message"]["text"]
        sugg = res.get("properties", {}).get("suggestion")
        if sugg != suggestion(msg):
            fail("suggestion %r for message %r" % (sugg, msg))
        got.append((loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                    loc["region"]["startColumn"], level[res["level"]],
                    res["ruleId"], msg))
    return got


def unescape_gh(s):
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m[1], 16)), s)


def github(out):
    cmd = re.compile(r"^::(notice|warning|error) (file=[^:]*)::(.*)$")
    level = {"notice": "style", "warning": "warning", "error": "error"}
    got = []
    with open(out, encoding="utf-8") as f:
        for line in f:
            m = cmd.match(line.rstrip("\n"))
            if not m:
                fail("not a workflow command: %r" % line)
            props = dict(p.split("=", 1) for p in m[2].split(","))
            if "line" not in props:
                continue        # a note of diagnostics held back
            msg = unescape_gh(m[3])
            rule = unescape_gh(props["title"])
            if not msg.endswith(" [%s]" % rule):
                fail("message does not end in the rule: %r" % msg)
            got.append((unescape_gh(props["file"]), int(props["line"]),
                        int(props["col"]), level[m[1]], rule,
                        msg[:-len(rule) - 3]))
    return got


def checkstyle(out):
    level = {"info": "style", "warning": "warning", "error": "error"}
    root = ET.parse(out).getroot()
    if root.tag != "checkstyle":
        fail("root element is %s" % root.tag)
    got = []
    for f in root:
        for e in f:
            if not e.get("source", "").startswith("manlint."):
                fail("source %r" % e.get("source"))
            got.append((f.get("name"), int(e.get("line")), int(e.get("column")),
                        level[e.get("severity")], e.get("source")[8:],
                        e.get("message")))
    return got


def main():
    fmt, out, gcc = sys.argv[1:4]
    if fmt == "sarif":
        got = sarif(out, sys.argv[4])
        # URIs are percent-encoded paths.
        got = [(unescape_gh(g[0]),) + g[1:] for g in got]
    elif fmt == "github":
        got = github(out)
    else:
        got = checkstyle(out)
    want = expected(gcc)
    if sorted(got) != sorted(want):
        fail("differs from the gcc format:\n  got  %s\n  want %s"
             % (sorted(set(got) - set(want)), sorted(set(want) - set(got))))


main()
