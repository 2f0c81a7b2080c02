package app.licensedesk.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What each translation of the messages bundle lacks, has too many, or has from an older English text: the tool the
 * lead runs after merging branches that added keys ({@code docs/i18n-missing.sh}), and what BundlesTest checks.
 * It needs only the JDK, so it also runs as a single source file: {@code java MissingKeys.java DIR [lang=OLDFILE]...}.
 * The missing keys are printed with their English text, ready to translate and paste into the translation.
 */
final class MissingKeys {

    /** The translations next to the English messages.properties. */
    static final List<String> LANGUAGES = List.of("nl", "fr", "de");

    private MissingKeys() {
    }

    /**
     * @param args the bundle folder, then for each language optionally {@code lang=FILE}: the English bundle as it
     *             was when that translation was last edited, to list the English texts that changed since
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/app/licensedesk");
        Map<String, String> english = load(dir.resolve("messages.properties"));
        List<String> englishTwice = duplicates(dir.resolve("messages.properties"));
        boolean complete = englishTwice.isEmpty();
        print("messages.properties: " + count(englishTwice.size()) + " written twice (the last one counts)",
                englishTwice, english);
        for (String lang : LANGUAGES) {
            Path file = dir.resolve("messages_" + lang + ".properties");
            Map<String, String> translation = Files.exists(file) ? load(file) : Map.of();
            List<String> missing = missing(english, translation);
            List<String> extra = missing(translation, english);
            List<String> changed = List.of();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith(lang + "=")) {
                    changed = changed(load(Path.of(args[i].substring(lang.length() + 1))), english, translation);
                }
            }
            List<String> twice = Files.exists(file) ? duplicates(file) : List.of();
            complete &= missing.isEmpty() && extra.isEmpty() && changed.isEmpty() && twice.isEmpty();
            print(file.getFileName() + ": " + count(twice.size()) + " written twice (the last one counts)", twice,
                    translation);
            print(file.getFileName() + ": " + count(missing.size()) + " missing, to translate and add", missing,
                    english);
            print(file.getFileName() + ": " + count(extra.size()) + " that English lacks, to remove", extra,
                    translation);
            print(file.getFileName() + ": " + count(changed.size())
                    + " whose English text changed since the translation was last edited, to check", changed,
                    english);
        }
        if (complete) {
            System.out.println("Every translation has exactly the keys of messages.properties.");
        }
        System.exit(complete ? 0 : 1);
    }

    private static String count(int n) {
        return n == 1 ? "1 key" : n + " keys";
    }

    private static void print(String title, List<String> keys, Map<String, String> texts) {
        if (keys.isEmpty()) {
            return;
        }
        System.out.println("# " + title);
        keys.forEach(key -> System.out.println(key + "=" + escape(texts.get(key))));
        System.out.println();
    }

    /** The keys of {@code from} that {@code to} lacks, in the order of {@code from}'s file. */
    static List<String> missing(Map<String, String> from, Map<String, String> to) {
        return from.keySet().stream().filter(key -> !to.containsKey(key)).toList();
    }

    /** The translated keys whose English text is not what it was when the translation was last edited. */
    static List<String> changed(Map<String, String> oldEnglish, Map<String, String> english,
                                Map<String, String> translation) {
        return english.keySet().stream()
                .filter(key -> translation.containsKey(key) && oldEnglish.containsKey(key))
                .filter(key -> !Objects.equals(oldEnglish.get(key), english.get(key)))
                .toList();
    }

    /** A .properties file read as Java reads bundles (UTF-8), its keys in the order of the file. */
    static Map<String, String> load(Path file) {
        Map<String, String> texts = new LinkedHashMap<>();
        keysInOrder(file, texts);
        return texts;
    }

    /** The keys written more than once in the file (a merge can do that): only the last one counts. */
    static List<String> duplicates(Path file) {
        List<String> order = keysInOrder(file, new LinkedHashMap<>());
        return order.stream().filter(key -> order.indexOf(key) != order.lastIndexOf(key)).distinct().toList();
    }

    private static List<String> keysInOrder(Path file, Map<String, String> texts) {
        List<String> order = new ArrayList<>();
        Properties props = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                order.add((String) key);
                return super.put(key, value);
            }
        };
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
        order.forEach(key -> texts.put(key, props.getProperty(key)));
        return order;
    }

    /** The text as a .properties value again (UTF-8 file: only backslashes, line breaks, a leading space). */
    private static String escape(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
