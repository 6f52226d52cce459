// SPDX-License-Identifier: MIT
// fmt's compiled part, built once for the whole binary. Debian ships libfmt only as a shared
// library, which would load libstdc++.so into every process (LINKCTL_STATIC_DEPS links it
// statically), and fmt's header-only mode compiled this same code into every translation
// unit that formats anything: about 3 s of CPU each at -O2, a third of the build. So the
// headers are used in their ordinary (library) mode and the definitions come from here.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
// The templates format.h declares but does not define outside header-only mode.
template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
}  // namespace detail
FMT_END_NAMESPACE
