package app.licensedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundles: every translation has exactly the English keys, the same placeholders, patterns that format, quotes
 * that survive MessageFormat and UTF-8 that is read as UTF-8; and no view sets literal text instead of a bundle text.
 */
class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/app/licensedesk");
    private static final Path MAIN_SOURCES = Path.of("src/main/java/app/licensedesk");
    private static final Map<String, String> ENGLISH = MissingKeys.load(BUNDLES.resolve("messages.properties"));
    /** Every branch of a choice format is tried: none, one, a few, many. */
    private static final List<Integer> COUNTS = List.of(0, 1, 2, 5, 1234);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static Map<String, String> bundle(String lang) {
        return MissingKeys.load(BUNDLES.resolve("messages_" + lang + ".properties"));
    }

    // ---- keys

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "de"})
    void everyEnglishKeyIsTranslated(String lang) {
        assertThat(MissingKeys.missing(ENGLISH, bundle(lang)))
                .as("keys of messages.properties missing from messages_%s.properties (docs/i18n-missing.sh lists "
                        + "them with their English text)", lang)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "de"})
    void noTranslationHasAKeyEnglishLacks(String lang) {
        assertThat(MissingKeys.missing(bundle(lang), ENGLISH))
                .as("keys of messages_%s.properties that messages.properties does not have", lang)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_nl", "_fr", "_de"})
    void noKeyIsWrittenTwice(String suffix) {
        assertThat(MissingKeys.duplicates(BUNDLES.resolve("messages" + suffix + ".properties")))
                .as("keys written twice in messages%s.properties (only the last one counts)", suffix)
                .isEmpty();
    }

    @Test
    void theToolSeesWhatIsMissingExtraOrChanged() {
        Map<String, String> english = Map.of("a", "A", "b", "B {0}", "c", "C");
        Map<String, String> translation = Map.of("a", "Ah", "c", "Ce", "old", "Oud");
        assertThat(MissingKeys.missing(english, translation)).containsExactly("b");
        assertThat(MissingKeys.missing(translation, english)).containsExactly("old");
        assertThat(MissingKeys.changed(Map.of("a", "A", "c", "See"), english, translation)).containsExactly("c");
    }

    // ---- placeholders and patterns

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "de"})
    void everyTranslationHasTheEnglishPlaceholders(String lang) {
        Map<String, String> translation = bundle(lang);
        List<String> wrong = new ArrayList<>();
        ENGLISH.forEach((key, english) -> {
            String text = translation.get(key);
            if (text != null && !placeholders(text).equals(placeholders(english))) {
                wrong.add(key + ": " + placeholders(english) + " in English, " + placeholders(text) + " here");
            }
        });
        assertThat(wrong).as("placeholders that differ from English in messages_%s.properties", lang).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nl", "fr", "de"})
    void everyPatternFormatsWithTheArgumentsTheCodeGives(String lang) {
        Map<String, String> texts = lang.isEmpty() ? ENGLISH : bundle(lang);
        Locale locale = lang.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(lang);
        List<String> wrong = new ArrayList<>();
        texts.forEach((key, pattern) -> {
            String english = ENGLISH.getOrDefault(key, pattern);
            for (int count : COUNTS) {
                try {
                    String shown = new MessageFormat(pattern, locale).format(dummyArguments(english, count));
                    if (shown.contains("{") || shown.contains("}")) {
                        wrong.add(key + " (" + count + "): a placeholder is left: " + shown);
                    }
                    if (count(shown, '\'') != count(pattern, '\'') / 2) {
                        wrong.add(key + " (" + count + "): a quote was lost or kept double: " + shown);
                    }
                } catch (IllegalArgumentException e) {
                    wrong.add(key + " (" + count + "): " + e.getMessage());
                }
            }
        });
        assertThat(wrong).as("patterns of messages%s.properties that do not format", lang.isEmpty() ? "" : "_" + lang)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nl", "fr", "de"})
    void everyQuoteIsDoubledAndNoneIsInsideAPlaceholder(String lang) {
        Map<String, String> texts = lang.isEmpty() ? ENGLISH : bundle(lang);
        List<String> wrong = new ArrayList<>();
        texts.forEach((key, pattern) -> {
            if (pattern.replace("''", "").indexOf('\'') >= 0) {
                wrong.add(key + ": a single quote must be written twice: " + pattern);
            } else if (quoteInsideBraces(pattern)) {
                // MessageFormat formats a choice branch that holds {n} a second time, which eats one level of quotes
                wrong.add(key + ": no quote inside {...}; word it so the quote is outside the choice: " + pattern);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The quote problem this all guards against, as users would meet it in French. */
    @Test
    void frenchApostrophesAreShownOnce() {
        I18n.setLocale(Locale.FRENCH);
        assertThat(I18n.t("error.forbidden.activate")).isEqualTo("Vous n'avez pas le droit d'activer cette licence.");
        assertThat(I18n.t("customers.error.loadLicenses", "ACME"))
                .isEqualTo("Les licences de ACME n'ont pas pu être chargées.");
        assertThat(I18n.t("activate.utc.now")).contains("l'heure d'activation à l'arrivée");
    }

    @Test
    void theChoicesPickTheRightWords() {
        I18n.setLocale(Locale.GERMAN);
        assertThat(I18n.t("customers.count", 0)).isEqualTo("Keine Kunden");
        assertThat(I18n.t("customers.count", 1)).isEqualTo("1 Kunde");
        assertThat(I18n.t("customers.count", 1234)).isEqualTo("1.234 Kunden");
        I18n.setLocale(Locale.FRENCH);
        assertThat(I18n.t("license.statusCount.EXPIRING", 1)).isEqualTo("1 expire bientôt");
        assertThat(I18n.t("license.statusCount.EXPIRING", 3)).isEqualTo("3 expirent bientôt");
        assertThat(I18n.t("licenses.failed", 2, "A, B", "Erreur.")).isEqualTo("Impossible de charger 2 clients "
                + "(A, B)\u00a0: Erreur.");
        I18n.setLocale(Locale.forLanguageTag("nl"));
        assertThat(I18n.t("licenses.failed", 1, "A", "Fout.")).isEqualTo("1 klant kon niet worden geladen (A): Fout.");
    }

    // ---- encoding

    /** Java reads bundles as UTF-8; a file saved as Latin-1 would be read as Latin-1 and show "SchlÃ¼ssel". */
    @Test
    void accentedTextsWrittenInUtf8RoundTrip() throws IOException {
        byte[] german = Files.readAllBytes(BUNDLES.resolve("messages_de.properties"));
        assertThat(new String(german, StandardCharsets.UTF_8)).contains("license.col.key=Schlüssel");
        I18n.setLocale(Locale.GERMAN);
        assertThat(I18n.t("license.col.key")).isEqualTo("Schl\u00fcssel");
        I18n.setLocale(Locale.forLanguageTag("nl"));
        assertThat(I18n.t("login.twoFactor.verify")).isEqualTo("Verifi\u00ebren");
        I18n.setLocale(Locale.FRENCH);
        assertThat(I18n.t("shell.signOut.confirm.title"))
                .isEqualTo("Se d\u00e9connecter alors que des t\u00e2ches sont en cours\u00a0?");
        I18n.setLocale(Locale.ENGLISH);
        assertThat(I18n.t("task.signIn")).isEqualTo("Signing in\u2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_nl", "_fr", "_de"})
    void everyFileIsValidUtf8(String suffix) throws IOException {
        byte[] bytes = Files.readAllBytes(BUNDLES.resolve("messages" + suffix + ".properties"));
        assertThatCode(() -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)))
                .doesNotThrowAnyException();
    }

    // ---- literal texts in the ui

    @Test
    void noUiCodeSetsLiteralText() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES.resolve("ui"))) {
            for (Path file : Stream.concat(files.filter(p -> p.toString().endsWith(".java")),
                    Stream.of(MAIN_SOURCES.resolve("LicenseDeskApp.java"))).toList()) {
                literalTexts(Files.readString(file)).forEach(text -> found.add(file.getFileName() + ": " + text));
            }
        }
        assertThat(found).as("literal texts set on controls: move them to messages.properties").isEmpty();
    }

    @Test
    void theScanFindsLiteralTextsAndLeavesIdsAndBundleTexts() {
        String source = """
                class X {
                    void build() {
                        retry.setText("Retry");
                        title.setTitle(I18n.t("dialog.title", "Activate"));
                        new Label("");
                        Tooltip tip = new Tooltip("Copy the key");
                        var col = new TableColumn<Row, String>("Name");
                        // status.setText("Not a call, a comment");
                        /* new Button("Nor this") */
                        label.setId("licensesTable");
                        label.getStyleClass().add("inline-info");
                        auth.setPromptText("https://authentication.example.com");
                        count.setText(I18n.t("licenses.count", 1, 2) + " (beta)");
                        sep.setText(" \\u00b7 ");
                        String s = "new Label(\\"inside a string\\")";
                        help.setText(\"""
                            A text block
                            \""");
                    }
                }
                """;
        assertThat(literalTexts(source)).containsExactly("\"Retry\"", "\"Copy the key\"", "\"Name\"",
                "\" (beta)\"", "\"\"\"\n            A text block\n            \"\"\"");
    }

    // ---- helpers

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern.replace("''", ""));
        while (m.find()) {
            indices.add(Integer.valueOf(m.group(1)));
        }
        return indices;
    }

    /** What the code passes, as the English pattern declares it: numbers for number and choice formats. */
    private static Object[] dummyArguments(String english, int count) {
        Format[] formats = new MessageFormat(english, Locale.ENGLISH).getFormatsByArgumentIndex();
        int size = Math.max(formats.length, placeholders(english).stream().mapToInt(i -> i + 1).max().orElse(0));
        Object[] args = new Object[size];
        for (int i = 0; i < size; i++) {
            Format format = i < formats.length ? formats[i] : null;
            args[i] = format instanceof ChoiceFormat || format instanceof NumberFormat ? Integer.valueOf(count)
                    : format instanceof DateFormat ? new Date(0) : "x" + i;
        }
        return args;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static boolean quoteInsideBraces(String pattern) {
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\'' && depth > 0) {
                return true;
            }
        }
        return false;
    }

    // The calls that put text on a control; their arguments must come from the bundle.
    private static final Pattern TEXT_CALL = Pattern.compile("(?:\\.(?:setText|setPromptText|setTitle|setHeaderText"
            + "|setContentText|setAccessibleText|setAccessibleHelp|appendText|set|setValue)"
            + "|\\bnew\\s+(?:Label|Button|Tooltip|MenuItem|Menu|MenuButton|Tab|CheckBox|RadioButton|ToggleButton"
            + "|Hyperlink|TitledPane|Text|TableColumn|CheckMenuItem|RadioMenuItem|Alert|ButtonType|Notification"
            + "|SimpleStringProperty|ReadOnlyStringWrapper)\\s*(?:<[^>()]*>)?)\\s*\\(");
    // what is clearly not words: ids, style classes, keys, icon codes (licensesTable, inline-info, fth-x), URLs
    private static final Pattern NOT_WORDS = Pattern.compile("[a-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*|https?://\\S*"
            + "|[^\\p{L}]*");

    /** The string literals passed to a text call, outside the bundle calls, that look like words. */
    static List<String> literalTexts(String source) {
        String code = withoutComments(source);
        List<String> texts = new ArrayList<>();
        Matcher call = TEXT_CALL.matcher(code);
        int from = 0;
        while (call.find(from)) {
            if (insideString(code, call.start())) {
                from = call.end();
                continue;
            }
            int end = closingParen(code, call.end() - 1);
            String args = withoutBundleCalls(code.substring(call.end(), end));
            for (String literal : literals(args)) {
                if (!NOT_WORDS.matcher(unquote(literal)).matches()) {
                    texts.add(literal);
                }
            }
            from = call.end();
        }
        return texts;
    }

    /** The literal's text as Java reads it ("\\u2013" is a dash, "\\n" no letter). */
    private static String unquote(String literal) {
        String body = literal.startsWith("\"\"\"") ? literal.substring(3, literal.length() - 3)
                : literal.substring(1, literal.length() - 1);
        Matcher escape = Pattern.compile("\\\\u+([0-9a-fA-F]{4})|\\\\(.)").matcher(body);
        StringBuilder text = new StringBuilder();
        while (escape.find()) {
            String replacement = escape.group(1) != null ? String.valueOf((char) Integer.parseInt(escape.group(1), 16))
                    : "ntr".contains(escape.group(2)) ? " " : escape.group(2);
            escape.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        escape.appendTail(text);
        return text.toString().strip();
    }

    /** The source with comments blanked out, string and char literals kept. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int eol = source.indexOf('\n', i);
                i = eol < 0 ? source.length() : eol;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? source.length() : close + 2;
                out.append(' ');
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                int end = literalEnd(source, i);
                out.append(source, i, end);
                i = end;
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index after the string, text block or char literal that starts at {@code start}. */
    private static int literalEnd(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int close = code.indexOf("\"\"\"", start + 3);
            while (close > 0 && code.charAt(close - 1) == '\\') {
                close = code.indexOf("\"\"\"", close + 1);
            }
            return close < 0 ? code.length() : close + 3;
        }
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    private static boolean insideString(String code, int index) {
        int i = 0;
        while (i < index) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(code, i);
                if (end > index) {
                    return true;
                }
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The index of the parenthesis that closes the one at {@code open}, skipping literals. */
    private static int closingParen(String code, int open) {
        int depth = 0;
        int i = open;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(code, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return code.length();
    }

    private static final Pattern BUNDLE_CALL = Pattern.compile("\\b(?:I18n\\.)?t\\s*\\(");

    /** The arguments with every {@code I18n.t(...)} removed: its key and arguments are the bundle's business. */
    private static String withoutBundleCalls(String args) {
        StringBuilder out = new StringBuilder();
        Matcher m = BUNDLE_CALL.matcher(args);
        int from = 0;
        while (m.find(from)) {
            if (insideString(args, m.start())) {
                out.append(args, from, m.end());
                from = m.end();
                continue;
            }
            out.append(args, from, m.start());
            from = closingParen(args, m.end() - 1) + 1;
        }
        return out.append(args.substring(Math.min(from, args.length()))).toString();
    }

    private static List<String> literals(String code) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = literalEnd(code, i);
                found.add(code.substring(i, end));
                i = end;
            } else if (c == '\'') {
                i = literalEnd(code, i);
            } else {
                i++;
            }
        }
        return found;
    }
}
