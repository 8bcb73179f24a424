"""Runs fakesnow's server mode on 127.0.0.1:PORT (argv[1]) for the tests, with two fixes to fakesnow 0.12.1
that the official snowflake-jdbc driver needs; everything else is fakesnow as published.

1. PUT: the stage info fakesnow answers (GCS-style, uploaded over HTTP to fakesnow itself) lacks the
   fields snowflake-jdbc reads for every GCS stage (endPoint, region, storageAccount, isClientSideEncrypted):
   without them the driver fails with a NullPointerException before uploading.
2. COPY INTO from CSV into a column list: fakesnow selects column0, column1, ... from DuckDB's read_csv,
   but DuckDB pads the generated names to the same width (column00 ... column12) when a file has more
   than ten columns.
"""
import sys

from sqlglot import exp

import fakesnow.copy_into as copy_into
import fakesnow.server as server

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

if __name__ == "__main__":
    import uvicorn

    uvicorn.run(server.app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
