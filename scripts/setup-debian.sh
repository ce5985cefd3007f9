#!/usr/bin/env bash
# Installs what Credit Health needs to build, run and test on a fresh Debian or Ubuntu machine.
#
# This is the one list of system packages: the README's two commands and .ci/run all call it.
# Run it as yourself (it uses sudo for apt when not root) or as root. Running it again does
# nothing when everything is already there, so it is cheap to keep in front of every command.
set -euo pipefail

# Building: a C toolchain for linking, mold (the linker .cargo/config.toml asks for), and the
# headers winit/eframe build against.
BUILD=(gcc libc6-dev pkg-config libwayland-dev libxkbcommon-dev mold ca-certificates curl)
# Running the app: X11 and OpenGL through Mesa (TOOLCHAIN.md).
RUN=(libgl1 libgl1-mesa-dri libegl1 libx11-xcb1 libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 libfontconfig1)
# Testing: the UI tests render headless through Mesa's software Vulkan; xvfb for screenshots.
# UI engineers: add what the UI tests need here, and nowhere else.
TEST=(mesa-vulkan-drivers libvulkan1 xvfb xauth)

MIN_RUST="1.95"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${BUILD[@]}" "${RUN[@]}" "${TEST[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Rust: Debian's own cargo is too old, so a machine without cargo gets rustup's stable toolchain,
# installed for all users with small wrappers in /usr/local/bin so that `cargo` works in the
# shell that ran this script, straight away.
if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: installing Rust (stable) with rustup into /usr/local"
    installer="$(mktemp)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs -o "$installer"
    as_root env RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo \
        sh "$installer" -y --no-modify-path --profile minimal --default-toolchain stable -c rustfmt -c clippy
    rm -f "$installer"
    for tool in cargo rustc rustup cargo-fmt rustfmt cargo-clippy clippy-driver; do
        printf '#!/bin/sh\nRUSTUP_HOME=/usr/local/rustup exec /usr/local/cargo/bin/%s "$@"\n' "$tool" \
            | as_root tee "/usr/local/bin/$tool" >/dev/null
        as_root chmod 755 "/usr/local/bin/$tool"
    done
fi

have="$(rustc --version | awk '{print $2}')"
if [ "$(printf '%s\n%s\n' "$MIN_RUST" "$have" | sort -V | head -n1)" != "$MIN_RUST" ]; then
    if command -v rustup >/dev/null 2>&1; then
        rustup update stable
    else
        echo "setup: Rust $have is older than $MIN_RUST; install a newer one (https://rustup.rs)" >&2
        exit 1
    fi
fi
echo "setup: ready ($(cargo --version))"
