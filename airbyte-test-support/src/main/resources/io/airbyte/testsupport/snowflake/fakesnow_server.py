"""Runs fakesnow's server mode on 127.0.0.1:PORT (argv[1]) for the tests, with two fixes to fakesnow 0.12.1
that the official snowflake-jdbc driver needs; everything else is fakesnow as published.

1. PUT: the stage info fakesnow answers (GCS-style, uploaded over HTTP to fakesnow itself) lacks the
   fields snowflake-jdbc reads for every GCS stage (endPoint, region, storageAccount, isClientSideEncrypted):
   without them the driver fails with a NullPointerException before uploading.
2. COPY INTO from CSV into a column list: fakesnow selects column0, column1, ... from DuckDB's read_csv,
   but DuckDB pads the generated names to the same width (column00 ... column12) when a file has more
   than ten columns.
3. ALTER TABLE a SWAP WITH b (Snowflake's atomic exchange of two tables), which fakesnow does not parse:
   run as three renames.
"""
import re
import sys

from sqlglot import exp

import fakesnow.copy_into as copy_into
import fakesnow.server as server
from fakesnow.cursor import FakeSnowflakeCursor

_stage_info = server.gcs_stage_info


def gcs_stage_info(*args):
    info = _stage_info(*args)
    for name, value in (("endPoint", None), ("region", None), ("storageAccount", None), ("isClientSideEncrypted", False)):
        info.setdefault(name, value)
    return info


server.gcs_stage_info = gcs_stage_info

_inserts = copy_into._inserts


def inserts(expr, params, urls, parquet_info=None):
    result = _inserts(expr, params, urls, parquet_info)
    count = len(expr.this.expressions) if isinstance(expr.this, exp.Schema) else 0
    if count > 10 and isinstance(params.file_format, copy_into.ReadCSV):
        width = len(str(count - 1))
        for insert in result:
            for column in insert.expression.expressions:
                name = column.name
                if isinstance(column, exp.Column) and name.startswith("column") and name[6:].isdigit():
                    column.set("this", exp.Identifier(this="column" + name[6:].zfill(width)))
    return result


copy_into._inserts = inserts

_SWAP = re.compile(r"^\s*ALTER\s+TABLE\s+(.+?)\s+SWAP\s+WITH\s+(.+?)\s*;?\s*$", re.IGNORECASE | re.DOTALL)
_execute = FakeSnowflakeCursor.execute


def _last_part(name):
    """The qualifying prefix (with its dot) and the last identifier of a quoted or plain qualified name."""
    if name.endswith('"'):
        j = len(name) - 2
        while j >= 0:
            if name[j] == '"':
                if j > 0 and name[j - 1] == '"':
                    j -= 2
                    continue
                break
            j -= 1
        return name[:j], name[j:]
    prefix, _, last = name.rpartition(".")
    return (prefix + ".") if prefix else "", last


def execute(self, command, *args, **kwargs):
    match = _SWAP.match(command) if isinstance(command, str) else None
    if not match:
        return _execute(self, command, *args, **kwargs)
    a, b = match.group(1), match.group(2)
    prefix, last = _last_part(a)
    spare = prefix + (last[:-1] + '_FAKESNOW_SWAP"' if last.endswith('"') else last + "_FAKESNOW_SWAP")
    _execute(self, f"ALTER TABLE {a} RENAME TO {spare}", *args, **kwargs)
    _execute(self, f"ALTER TABLE {b} RENAME TO {a}", *args, **kwargs)
    return _execute(self, f"ALTER TABLE {spare} RENAME TO {b}", *args, **kwargs)


FakeSnowflakeCursor.execute = execute

if __name__ == "__main__":
    import uvicorn

    uvicorn.run(server.app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
