# Builds, from Debian's own source packages, the static libraries the release binary needs that
# Debian ships only as shared objects: json-c, librnp and libcurl. Each is configured with only
# what the provider uses:
#   - librnp on its OpenSSL backend (Debian builds it on Botan, of which Debian ships no static
#     archive; OpenSSL's libcrypto.a is already linked in for gRPC and the client);
#   - libcurl with HTTP and HTTPS over OpenSSL, c-ares as its resolver (so no glibc NSS module is
#     ever loaded), proxies kept (corporate networks need them), every other protocol left out.
# Sources come only from Debian's registry, through apt with a private list of deb-src entries,
# so the machine's own apt configuration is neither needed nor touched. Debian's patches are
# applied (dpkg-source -x). The build is reproducible: SOURCE_DATE_EPOCH is each package's
# changelog date and no build path reaches the objects.
#
#   build_static_deps <work folder> <install prefix>

DEBIAN_SOURCE_SUITES=(
    "http://deb.debian.org/debian bookworm main"
    "http://deb.debian.org/debian bookworm-updates main"
    "http://deb.debian.org/debian-security bookworm-security main"
)

# Downloads and unpacks the newest bookworm source of package $2 into folder $1; prints its folder.
fetch_debian_source() {
    local work=$1 package=$2
    local apt_dir="$work/apt"
    if [[ ! -d "$apt_dir/lists" ]]; then
        mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
        local suite
        for suite in "${DEBIAN_SOURCE_SUITES[@]}"; do echo "deb-src $suite"; done >"$apt_dir/sources.list"
        apt_private "$apt_dir" update >&2
    fi
    mkdir -p "$work/src"
    (cd "$work/src" && apt_private "$apt_dir" source --download-only "$package" >&2)
    local dsc
    dsc=$(ls -1 "$work/src/${package}_"*.dsc | sort -V | tail -1)
    local unpacked="$work/src/$package"
    rm -rf "$unpacked"
    # The .dsc's checksums were verified by apt against the signed Sources index.
    dpkg-source --no-check -x "$dsc" "$unpacked" >&2
    echo "$unpacked"
}

apt_private() {
    local apt_dir=$1
    shift
    apt-get -q -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
        -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache" \
        -o APT::Sandbox::User=root "$@"
}

# Flags shared by every dependency: optimised, no build path in the objects.
static_dep_flags() {
    local source=$1
    echo "-O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -ffile-prefix-map=$source=/usr/src/$(basename "$source")"
}

build_json_c() {
    local source=$1 prefix=$2 work=$3
    local flags
    flags=$(static_dep_flags "$source")
    CFLAGS="$flags" cmake -S "$source" -B "$work/build-json-c" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DBUILD_SHARED_LIBS=OFF -DBUILD_STATIC_LIBS=ON -DBUILD_TESTING=OFF -DDISABLE_WERROR=ON \
        -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib >/dev/null
    cmake --build "$work/build-json-c" --target json-c >/dev/null
    cmake --install "$work/build-json-c" >/dev/null
}

build_rnp() {
    local source=$1 prefix=$2 work=$3
    local flags
    flags=$(static_dep_flags "$source")
    # Debian's packaging takes the version and date from these instead of git.
    DEB_VERSION=$(cd "$source" && dpkg-parsechangelog -SVersion) CFLAGS="$flags" CXXFLAGS="$flags" \
        cmake -S "$source" -B "$work/build-rnp" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -DENABLE_DOC=OFF -DCRYPTO_BACKEND=openssl \
        -DENABLE_IDEA=Off -DENABLE_BRAINPOOL=Off -DDOWNLOAD_GTEST=OFF -DDOWNLOAD_RUBYRNP=OFF \
        -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib >/dev/null
    cmake --build "$work/build-rnp" --target librnp >/dev/null
    cmake --install "$work/build-rnp" --component development >/dev/null
}

build_curl() {
    local source=$1 prefix=$2
    local flags
    flags=$(static_dep_flags "$source")
    (
        cd "$source"
        # Debian's rules build the OpenSSL flavour (libcurl4) with the last two patches, which
        # rename the library for the GnuTLS and NSS flavours, taken off again.
        patch -R -p1 -s <debian/patches/99_nss.patch
        patch -R -p1 -s <debian/patches/90_gnutls.patch
        autoreconf -fi >/dev/null 2>&1
        CFLAGS="$flags" ./configure --prefix="$prefix" --libdir="$prefix/lib" --disable-shared --enable-static \
            --with-openssl --enable-ares --with-zlib \
            --without-brotli --without-zstd --without-nghttp2 --without-libidn2 --without-libpsl \
            --without-librtmp --without-libssh2 --without-libgsasl --without-gssapi \
            --disable-ldap --disable-ldaps --disable-rtsp --disable-dict --disable-telnet --disable-tftp \
            --disable-pop3 --disable-imap --disable-smb --disable-smtp --disable-gopher --disable-mqtt \
            --disable-ftp --disable-file --disable-manual --disable-ntlm --disable-alt-svc --disable-hsts \
            --disable-cookies --disable-unix-sockets \
            --without-ca-bundle --without-ca-path --with-ca-fallback >/dev/null
        make -C lib -j "$(nproc)" >/dev/null
        make -C lib install >/dev/null
        make -C include install >/dev/null
        make install-pkgconfigDATA >/dev/null
    )
}

build_static_deps() {
    local work=$1 prefix=$2
    mkdir -p "$work" "$prefix/licenses"
    local package source
    for package in json-c rnp curl; do
        echo "release: building $package from Debian's source package" >&2
        source=$(fetch_debian_source "$work" "$package")
        # Each package's date makes its objects the same whenever they are built.
        export SOURCE_DATE_EPOCH
        SOURCE_DATE_EPOCH=$(cd "$source" && dpkg-parsechangelog -STimestamp)
        case $package in
            json-c) build_json_c "$source" "$prefix" "$work" ;;
            rnp) build_rnp "$source" "$prefix" "$work" ;;
            curl) build_curl "$source" "$prefix" ;;
        esac
        cp "$source/debian/copyright" "$prefix/licenses/$package.copyright"
        (cd "$source" && dpkg-parsechangelog -SVersion) >"$prefix/licenses/$package.version"
    done
    unset SOURCE_DATE_EPOCH
}
