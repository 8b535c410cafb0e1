"""The payload format, damaged files, spec tokens, build errors, options."""

import os
import struct
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from onefile_helpers import report

from nuitka.onefile import OnefileError, OnefileSettings, build_onefile
from nuitka.onefile.payload import (
    TRAILER_SIZE,
    Entry,
    PayloadError,
    collect_entries,
    read_onefile,
    write_payload,
)
from nuitka.onefile.spec import expand_spec

# They build the bootstrap and the probe with gcc.
pytestmark = pytest.mark.compiles

CACHED = "{CACHE_DIR}/damage-test"


def no_extraction_left(runner):
    assert os.listdir(runner.tmp) == []
    cache = runner.home / ".cache"
    assert not cache.exists() or os.listdir(cache) in ([], ["damage-test"]) and \
        not (cache / "damage-test").exists()


# -- the file as written -----------------------------------------------------


def test_reader_sees_what_was_packed(build, dist):
    onefile = build(dist, company_name="ACME", product_name="Probe",
                    file_version="1.2", tempdir_spec="{CACHE_DIR}/{COMPANY}/{PRODUCT}")
    contents = read_onefile(onefile)
    assert contents.meta == {"binary": "prog.bin", "spec": "{CACHE_DIR}/{COMPANY}/{PRODUCT}",
                             "company": "ACME", "product": "Probe", "version": "1.2"}
    names = [(kind, name) for kind, name, _mode, _data in contents.entries]
    # Folders before their content, links last.
    assert names == [("F", "data.txt"), ("F", "prog.bin"), ("D", "sub"),
                     ("F", "sub/module.py"), ("D", "sub/deeper"),
                     ("F", "sub/deeper/lib.so.1"), ("L", "sub/lib.so")]
    entries = {name: (mode, data) for _k, name, mode, data in contents.entries}
    assert entries["sub/lib.so"][1] == b"deeper/lib.so.1"
    assert entries["prog.bin"][0] == 0o755 and entries["sub/module.py"][0] == 0o640
    assert contents.flags == 1 and contents.stream_size < contents.raw_size


def test_no_compression(build, dist, runner):
    onefile = build(dist, compression=False)
    contents = read_onefile(onefile)
    assert contents.flags == 0 and contents.stream_size == contents.raw_size
    compressed = build(dist, name="out/c.bin")
    assert os.path.getsize(onefile) > os.path.getsize(compressed)
    result = runner.run(onefile, env={"PROBE_CAT": "sub/module.py"})
    assert result.returncode == 0 and report(result)["cat"] == "VALUE = 42"


def test_deterministic_output(build, dist, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    first = build(dist, name="a.bin").read_bytes()
    os.utime(dist / "data.txt")  # a newer mtime is clamped
    second = build(dist, name="b.bin").read_bytes()
    assert first == second


def test_bootstrap_is_small_static_zstd_and_cached(build, dist, onefile_cache):
    build(dist)
    (bootstrap,) = (onefile_cache / "onefile").glob("bootstrap-*")
    assert bootstrap.stat().st_size < 400_000
    needed = subprocess.run(["readelf", "-d", str(bootstrap)], stdout=subprocess.PIPE,
                            check=True).stdout.decode()
    libraries = sorted(line.split("[")[1].rstrip("]") for line in needed.splitlines()
                       if "(NEEDED)" in line)
    assert libraries == ["libc.so.6"]
    sections = subprocess.run(["readelf", "-S", str(bootstrap)], stdout=subprocess.PIPE,
                              check=True).stdout.decode()
    assert ".symtab" not in sections  # stripped
    stamp = bootstrap.stat().st_mtime_ns
    build(dist, name="again.bin")
    assert bootstrap.stat().st_mtime_ns == stamp  # reused, not rebuilt
    assert list((onefile_cache / "onefile").glob("bootstrap-*")) == [bootstrap]


def test_bootstrap_without_cache(dist, tmp_path, onefile_cache):
    build_dir = tmp_path / "prog.onefile-build"
    output = tmp_path / "nocache.bin"
    build_onefile(dist, "prog.bin", output,
                  OnefileSettings(use_cache=False, build_dir=build_dir, compression_level=1))
    assert output.is_file()
    assert os.listdir(build_dir) == []  # the private build was removed


# -- damaged files -----------------------------------------------------------


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    offset = struct.unpack_from("<Q", data, len(data) - TRAILER_SIZE + 16)[0]
    if how == "truncate-1":
        del data[-1:]
    elif how == "truncate-half":
        # Half of the payload.  (Cut inside the bootstrap's own code, the
        # kernel cannot even start it: nothing can report that.)
        del data[(offset + len(data)) // 2:]
    elif how == "bootstrap-only":
        del data[offset:]
    elif how == "append":
        data += b"\0"
    elif how == "stream-byte":
        data[(offset + len(data) - TRAILER_SIZE) // 2] ^= 0x40
    elif how == "meta-byte":
        data[offset + 2] ^= 0x01
    elif how == "trailer-size":
        data[len(data) - TRAILER_SIZE + 40] ^= 0x01
    elif how == "trailer-magic":
        data[len(data) - TRAILER_SIZE] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncate-1", "truncate-half", "bootstrap-only",
                                 "append", "stream-byte", "meta-byte", "trailer-size",
                                 "trailer-magic"])
@pytest.mark.parametrize("spec", ["{TEMP}/onefile_{PID}_{TIME}", CACHED])
def test_damaged_file_stops_cleanly(build, dist, runner, how, spec):
    onefile = build(dist, tempdir_spec=spec)
    _damage(onefile, how)
    result = runner.run(onefile)
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "is damaged" in lines[0] and "prog.bin" in lines[0], lines
    assert result.stdout == b""
    no_extraction_left(runner)
    with pytest.raises(PayloadError):
        read_onefile(onefile)


def _rewrite(path: Path, entries, compress, tmp_path):
    """A payload with a valid checksum but hand-made content."""
    bootstrap = path.read_bytes()
    offset = struct.unpack_from("<Q", bootstrap, len(bootstrap) - TRAILER_SIZE + 16)[0]
    with open(path, "wb") as out:
        out.write(bootstrap[:offset])
        write_payload(out, entries, {"binary": "prog.bin", "spec": "{TEMP}/x_{PID}"},
                      compress=compress, level=1)


@pytest.mark.parametrize("name,target,words", [
    (b"../evil", b"", "bad file name"),
    (b"/abs/evil", b"", "bad file name"),
    (b"a//b", b"", "bad file name"),
    (b"link", b"../../outside", "bad link target"),
    (b"link", b"/etc", "bad link target"),
])
def test_unsafe_names_in_a_valid_payload(build, dist, runner, tmp_path, name, target, words):
    onefile = build(dist)
    source = tmp_path / "content"
    source.write_bytes(b"x")
    entries = [Entry("F", b"prog.bin", 0o755, 1, 0, source)]
    if target:
        entries.append(Entry("L", name, 0o777, target=target))
    else:
        entries.append(Entry("F", name, 0o644, 1, 0, source))
    _rewrite(onefile, entries, False, tmp_path)
    result = runner.run(onefile)
    assert result.returncode == 1 and words in result.stderr.decode()
    assert os.listdir(runner.tmp) == []
    assert not (tmp_path / "evil").exists()


def test_file_after_link_is_refused(build, dist, runner, tmp_path):
    onefile = build(dist)
    source = tmp_path / "content"
    source.write_bytes(b"x")
    entries = [Entry("D", b"d", 0o755), Entry("L", b"l", 0o777, target=b"d"),
               Entry("F", b"l/f", 0o644, 1, 0, source)]
    _rewrite(onefile, entries, True, tmp_path)
    result = runner.run(onefile)
    assert result.returncode == 1 and "unexpected entry order" in result.stderr.decode()
    assert os.listdir(runner.tmp) == []


def test_corrupt_zstd_with_valid_checksum(build, dist, runner):
    # Past our CRC (recomputed here), zstd's own checks still stop it.
    onefile = build(dist)
    data = bytearray(onefile.read_bytes())
    t = len(data) - TRAILER_SIZE
    offset, meta_size, stream_size = struct.unpack_from("<QQQ", data, t + 16)
    start = offset + meta_size
    data[start + stream_size // 2] ^= 0xFF
    crc = zlib.crc32(bytes(data[offset:start + stream_size]))
    struct.pack_into("<I", data, t + 48, crc)
    struct.pack_into("<I", data, t + 72, zlib.crc32(bytes(data[t:t + 72])))
    onefile.write_bytes(bytes(data))
    result = runner.run(onefile)
    assert result.returncode == 1 and "is damaged" in result.stderr.decode()
    assert os.listdir(runner.tmp) == []


# -- spec tokens ---------------------------------------------------------------


def _exe_dir(runner, onefile, env=None):
    result = runner.run(onefile, env=env)
    assert result.returncode == 0, result.stderr
    return os.path.dirname(report(result)["exe"]), report(result)


@pytest.mark.parametrize("spec,expected", [
    ("{TEMP}/fixed", "{tmp}/fixed"),
    ("{HOME}/.apps/probe", "{home}/.apps/probe"),
    ("{CACHE_DIR}/probe", "{home}/.cache/probe"),
    ("{TEMP}/{PROGRAM}", "{tmp}{onefile}"),
    ("{PROGRAM_BASE}_files", "{out}/prog_files"),
    ("rel/{PRODUCT}", "{out}/rel/Probe"),
    ("{TEMP}//{COMPANY}/{PRODUCT}/{VERSION}/", "{tmp}/ACME/Probe/1.0_2.0"),
])
def test_tokens(build, dist, runner, spec, expected):
    onefile = build(dist, tempdir_spec=spec, company_name="ACME", product_name="Probe",
                    file_version="1.0", product_version="2.0")
    where, _info = _exe_dir(runner, onefile)
    assert where == expected.format(tmp=runner.tmp, home=runner.home,
                                    onefile=onefile, out=onefile.parent)
    assert where == expand_spec(spec, str(onefile), "ACME", "Probe", "1.0_2.0",
                                environ=runner.env)


def test_cache_dir_follows_xdg(build, dist, runner, tmp_path):
    onefile = build(dist, tempdir_spec="{CACHE_DIR}/probe")
    where, _ = _exe_dir(runner, onefile, env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert where == str(tmp_path / "xdg" / "probe")


def test_pid_and_time(build, dist, runner):
    onefile = build(dist, tempdir_spec="{TEMP}/run_{PID}_{TIME}")
    before = int(time.time())
    where, info = _exe_dir(runner, onefile)
    after = int(time.time())
    pid, stamp = os.path.basename(where).split("_")[1:]
    # Temporary: the bootstrap started a keeper that started the program.
    assert pid == info["gppid"] and info["ppid"] == info["parent_env"]
    assert before <= int(stamp) <= after
    assert os.listdir(runner.tmp) == []


def test_temp_without_tmpdir(build, dist, runner):
    onefile = build(dist, tempdir_spec="{TEMP}/onefile_test_{PID}")
    env = dict(runner.env)
    del env["TMPDIR"]
    result = subprocess.run([str(onefile)], env=env, stdout=subprocess.PIPE, timeout=60)
    assert report(result)["exe"].startswith("/tmp/onefile_test_")
    assert not os.path.exists(os.path.dirname(report(result)["exe"]))


@pytest.mark.parametrize("spec,words", [
    ("{TEMP}/{FOO}", "unknown token {FOO}"),
    ("{TEMP}/{temp}", "unknown token {temp}"),
    ("{TEMP}/a{", "unbalanced"),
    ("{TEMP}/a}", "unbalanced"),
    ("{NONE}", "{NONE} stands for no file"),
    ("{TEMP}/{NULL}", "{NULL} stands for the null device"),
    ("{CACHE_DIR}/{COMPANY}", "{COMPANY} needs --company-name"),
    ("{CACHE_DIR}/{VERSION}", "{VERSION} needs --file-version or --product-version"),
])
def test_bad_specs_fail_the_build(dist, tmp_path, onefile_cache, spec, words):
    output = tmp_path / "bad.bin"
    with pytest.raises(OnefileError) as info:
        build_onefile(dist, "prog.bin", output, OnefileSettings(tempdir_spec=spec))
    assert words in str(info.value) and "\n" not in str(info.value)
    assert not output.exists()


def test_bad_specs_are_usage_errors(tmp_path):
    prog = tmp_path / "prog.py"
    prog.write_text("print(1)\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    for args, words in [
        (["--onefile-tempdir-spec={TEMP}/{FOO}"], "unknown token {FOO}"),
        (["--onefile-tempdir-spec={CACHE_DIR}/{PRODUCT}"], "{PRODUCT} needs --product-name"),
        (["--onefile-tempdir-spec={HOME}/{COMPANY}", "--company-name=a/b"],
         "not usable as a folder name"),
        (["--file-version=1.2.3.4.5"], "up to 4 numbers"),
        (["--product-version=v1"], "up to 4 numbers"),
    ]:
        result = subprocess.run([os.sys.executable, "-m", "nuitka", *args, str(prog)],
                                env=env, cwd=str(tmp_path), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, timeout=120)
        lines = result.stderr.decode().splitlines()
        assert result.returncode == 2 and len(lines) == 1 and words in lines[0], lines


def test_options_reach_the_settings(tmp_path):
    from nuitka.options import parse_options

    prog = tmp_path / "prog.py"
    prog.write_text("")
    options = parse_options([
        "--onefile-tempdir-spec={CACHE_DIR}/{COMPANY}/{PRODUCT}/{VERSION}",
        "--company-name=ACME", "--product-name=Tool", "--file-version=1.2",
        "--product-version=1.2", "--onefile-no-compression", str(prog),
    ])
    settings = OnefileSettings.from_options(options)
    assert settings.tempdir_spec == "{CACHE_DIR}/{COMPANY}/{PRODUCT}/{VERSION}"
    assert (settings.company_name, settings.product_name) == ("ACME", "Tool")
    assert settings.version() == "1.2" and settings.compression is False
    default = OnefileSettings.from_options(parse_options([str(prog)]))
    assert default.tempdir_spec == "{TEMP}/onefile_{PID}_{TIME}" and default.compression


# -- build errors --------------------------------------------------------------


def test_build_errors_leave_nothing(dist, tmp_path, onefile_cache):
    output = tmp_path / "out.bin"
    cases = [
        (tmp_path / "missing.dist", "prog.bin", "does not exist"),
        (dist, "nothing.bin", "not an executable file"),
        (dist, "data.txt", "not an executable file"),
        (dist, "../prog.dist/prog.bin", "not an executable file"),
    ]
    for folder, binary, words in cases:
        with pytest.raises(OnefileError, match=words):
            build_onefile(folder, binary, output)
    with pytest.raises(OnefileError, match="inside the folder it packs"):
        build_onefile(dist, "prog.bin", dist / "sub" / "x.bin")
    os.symlink("/nonexistent/file", dist / "broken")
    with pytest.raises(OnefileError, match="broken symbolic link"):
        build_onefile(dist, "prog.bin", output)
    os.unlink(dist / "broken")
    os.mkfifo(dist / "fifo")
    with pytest.raises(OnefileError, match="neither a file"):
        build_onefile(dist, "prog.bin", output)
    os.unlink(dist / "fifo")
    (dist / ".nuitka-onefile").write_text("")
    with pytest.raises(OnefileError, match="rename it"):
        build_onefile(dist, "prog.bin", output)
    assert sorted(os.listdir(tmp_path)) == ["prog.dist"]


def test_missing_static_zstd(dist, tmp_path, monkeypatch, onefile_cache):
    monkeypatch.setenv("NUITKA_ZSTD_STATIC_LIB", str(tmp_path / "nope" / "libzstd.a"))
    with pytest.raises(OnefileError, match="libzstd.a"):
        build_onefile(dist, "prog.bin", tmp_path / "out.bin")
    assert not (tmp_path / "out.bin").exists()


def test_links_outside_are_stored_as_files(dist, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("outside")
    os.symlink(outside, dist / "sub" / "out.txt")
    os.symlink(str(dist / "data.txt"), dist / "abs.txt")  # absolute, inside
    entries = {e.name: e for e in collect_entries(dist)}
    assert entries[b"sub/out.txt"].kind == "F"
    assert entries[b"abs.txt"].kind == "L" and entries[b"abs.txt"].target == b"data.txt"
    os.symlink(str(tmp_path), dist / "dirlink")
    with pytest.raises(PayloadError, match="outside the folder"):
        collect_entries(dist)


def test_spec_helpers():
    from nuitka.onefile.spec import (
        DEFAULT_TEMPDIR_SPEC,
        is_temporary_spec,
        version_value,
    )

    assert is_temporary_spec(DEFAULT_TEMPDIR_SPEC)
    assert is_temporary_spec("{TEMP}/x_{TIME}") and not is_temporary_spec("{HOME}/x")
    assert version_value("1.2", None) == "1.2" and version_value(None, "3") == "3"
    assert version_value("1.2", "1.2") == "1.2" and version_value("1", "2") == "1_2"
    assert expand_spec("{NONE}", "/a/p.bin") is None
    assert expand_spec("{NULL}", "/a/p.bin") == os.devnull
    assert expand_spec("{PROGRAM_BASE}", "/a/.hidden") == "/a/.hidden"
    assert expand_spec("{PROGRAM_BASE}", "/a/b.c.bin") == "/a/b.c"
    assert expand_spec("x/{PID}/", "/a/p", pid=7) == "/a/x/7"
