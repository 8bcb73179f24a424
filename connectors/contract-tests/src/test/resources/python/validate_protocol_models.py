"""Validates captured connector output with Airbyte's own protocol models (airbyte-protocol-models).

Input (argv[1]): a file of lines `<connector>\t<command>\t<stdout line>`.
Output: one JSON object per line that does not validate ({"line_number", "connector", "command",
"line", "error"}), then a last line {"validated": N} counting every input line.
"""
import json
import sys

from airbyte_protocol.models import AirbyteMessage


def parse(raw):
    # airbyte-protocol-models 0.x are pydantic v1 models; a pydantic v2 build has model_validate_json
    if hasattr(AirbyteMessage, "model_validate_json"):
        return AirbyteMessage.model_validate_json(raw)
    return AirbyteMessage.parse_raw(raw)


def main(path):
    validated = 0
    out = sys.stdout
    with open(path, encoding="utf-8") as batch:
        for number, entry in enumerate(batch, start=1):
            entry = entry.rstrip("\n")
            if not entry:
                continue
            connector, command, raw = entry.split("\t", 2)
            validated += 1
            try:
                parse(raw)
            except Exception as error:  # a ValidationError, or JSON that does not parse
                out.write(json.dumps({"line_number": number, "connector": connector, "command": command,
                                      "line": raw, "error": str(error)}) + "\n")
    out.write(json.dumps({"validated": validated}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
