# Steps of the release build that work on its files (scripts/package).

# Copies the license of every library the link map shows was linked in (and of the header-only
# ones compiled in) to folder $3: <package>.copyright, from Debian's /usr/share/doc or, for the
# libraries built from source, from $2. PACKAGES lists each with its Debian version.
collect_licenses() {
    local map=$1 built_licenses=$2 out=$3
    rm -rf "$out"
    mkdir -p "$out"
    local archives archive package packages=()
    # Absolute paths only: the project's own archives are named relative to the build folder.
    archives=$(grep -oE '(^|[[:space:]])/[^[:space:]()]+\.a\(' "$map" | sed 's/^[[:space:]]*//; s/($//' | sort -u)
    for archive in $archives; do
        case $(basename "$archive") in
            librnp.a) package=rnp ;;
            libcurl.a) package=curl ;;
            libjson-c.a) package=json-c ;;
            *) package=$(dpkg -S "$archive" | head -1 | cut -d: -f1) ;;
        esac
        packages+=("$package")
    done
    local header
    for header in /usr/include/nlohmann/json.hpp /usr/include/spdlog/spdlog.h /usr/include/fmt/format.h; do
        packages+=("$(dpkg -S "$header" | head -1 | cut -d: -f1)")
    done
    local versions=""
    for package in $(printf '%s\n' "${packages[@]}" | sort -u); do
        if [[ -f "$built_licenses/$package.copyright" ]]; then
            cp "$built_licenses/$package.copyright" "$out/$package.copyright"
            versions+="$package $(cat "$built_licenses/$package.version") (built from Debian's source package)"$'\n'
        else
            cp "/usr/share/doc/$package/copyright" "$out/$package.copyright"
            versions+="$package $(dpkg-query -W -f '${Version}' "$package")"$'\n'
        fi
    done
    printf '%s' "$versions" >"$out/PACKAGES"
    chmod 0644 "$out"/*
    echo "release: licenses of $(wc -l <"$out/PACKAGES") Debian packages in the zip" >&2
}

# Prints the binary's dynamic section and fails if it needs any shared library: the release
# depends on nothing but the kernel.
check_static() {
    local binary=$1
    echo "release: readelf -d $(basename "$binary"):" >&2
    readelf -d "$binary" >&2 || true
    if readelf -d "$binary" | grep -q NEEDED; then
        echo "release: $binary needs shared libraries; the release must be fully static" >&2
        return 1
    fi
}

# Signs SHA256SUMS with a detached binary signature, SHA256SUMS.sig, as the Terraform Registry
# expects. GnuPG's own environment (GNUPGHOME) chooses the keyring.
sign_checksums() {
    local dist=$1 key=$2 sums
    sums=$(ls "$dist"/*_SHA256SUMS)
    gpg --batch --yes --local-user "$key" --detach-sign --output "$sums.sig" "$sums"
    echo "release: signed $(basename "$sums") with $key" >&2
}

# The "h1:" hash Terraform records in lock files (Go's dirhash.Hash1 over the zip's entries):
# the SHA-256 of the sorted lines "<sha256 of entry>  <entry name>\n", in base64.
zip_h1_hash() {
    local zip=$1 entry summary=""
    while IFS= read -r entry; do
        summary+="$(unzip -p "$zip" "$entry" | sha256sum | cut -d' ' -f1)  $entry"$'\n'
    done < <(unzip -Z1 "$zip" | LC_ALL=C sort)
    echo "h1:$(printf '%s' "$summary" | openssl dgst -sha256 -binary | base64)"
}
