// The studio's language and theme. Both are read once at start-up (main.cpp) and apply after a
// restart: retranslating every panel live would mean a changeEvent in each, for a setting a
// teacher changes once. Qt's own translations (dialog buttons, shortcuts) are installed with ours.
#pragma once

#include <QString>

#include <vector>

namespace ada {

struct LanguageChoice {
    QString code; // "" follows the system locale; else "en", "de", "zh_CN"
    QString name; // in its own language
};

[[nodiscard]] std::vector<LanguageChoice> languageChoices();
[[nodiscard]] QString languageSetting();
void setLanguageSetting(const QString& code);

// Installs the studio's and Qt's translators for `code` ("" = the system locale), replacing those
// installed before. Returns false if the studio has no translation for that language (English).
bool installTranslations(const QString& code);

enum class Theme { System, Light, Dark };
[[nodiscard]] Theme themeSetting();
void setThemeSetting(Theme theme);
// Light and dark are Fusion palettes; System keeps the platform's palette (dark if the desktop is
// dark). Plots stay light either way, so an exported figure looks the same from every theme.
void applyTheme(Theme theme);
[[nodiscard]] bool isDarkPalette();

} // namespace ada
