"""Prints the console script a connector's wheel declares: the one named after the package without
its ``airbyte-`` prefix (airbyte-source-faker: source-faker), else the package's only one; as the
worker's local process factory picks it. Fails naming the scripts when neither rule gives one.

Usage: python3 console_script.py WHEEL PACKAGE
"""
import configparser
import sys
import zipfile


def main(wheel: str, package: str) -> int:
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.count("/") == 1 and n.endswith(".dist-info/entry_points.txt")]
        parser = configparser.ConfigParser(delimiters=("=",))
        parser.optionxform = str
        if names:
            parser.read_string(archive.read(names[0]).decode("utf-8"))
    scripts = list(parser["console_scripts"]) if parser.has_section("console_scripts") else []
    wanted = package.lower().replace("_", "-").removeprefix("airbyte-")
    if wanted in scripts:
        print(wanted)
        return 0
    if len(scripts) == 1:
        print(scripts[0])
        return 0
    print(f"{package}: its wheel {wheel} declares no console script named {wanted}"
          f" and {len(scripts)} others ({', '.join(scripts) or 'none'}): cannot tell which runs the connector",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
