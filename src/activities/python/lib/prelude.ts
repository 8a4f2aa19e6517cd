/**
 * Cairn's Python prelude, written next to the script for each run (kept here as text, not as a
 * .py file, so packaging never loses it). It runs the user's script with `input` (the block's JSON
 * input) in scope, then writes the script's `result` variable as JSON for the block to return.
 * argv: prelude.py <script> <input.json> <result.json> [script args...]
 */
export const PYTHON_PRELUDE = `import json
import os
import sys


def _cairn_run():
    script, input_path, result_path = sys.argv[1:4]
    with open(input_path, encoding="utf-8") as handle:
        data = json.load(handle)
    sys.argv = [script] + sys.argv[4:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    scope = {"__name__": "__main__", "__file__": script, "input": data, "result": None}

    def save_result():
        with open(result_path, "w", encoding="utf-8") as handle:
            json.dump(scope.get("result"), handle, ensure_ascii=False, default=str)

    with open(script, encoding="utf-8-sig") as handle:
        code = compile(handle.read(), script, "exec")
    try:
        exec(code, scope)
    except SystemExit as stop:
        if stop.code in (None, 0):
            save_result()
        raise
    save_result()


_cairn_run()
`;
