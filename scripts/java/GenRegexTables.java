// Regenerates src/lang/java_regex/tables.rs from the JDK on PATH (`make regex-tables`).
//
// Uses only documented APIs: Pattern (which ASCII characters each \p{...} name matches, with
// and without CASE_INSENSITIVE), Character.UnicodeScript (values() and forName, to find each
// script's four-letter alias) and Character.UnicodeBlock (its public constants and forName, to
// find each block's canonical name). The property names are those the Pattern documentation
// lists. Output: Rust source on stdout, to be formatted with rustfmt.
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

public class GenRegexTables {
    static final String[] PROPERTIES = {
        "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
        "Cc", "Cf", "Co", "Cs", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf",
        "L", "M", "N", "Z", "C", "P", "S", "LC", "LD", "L1", "all", "ASCII", "Alnum", "Alpha",
        "Blank", "Cntrl", "Digit", "Graph", "Lower", "Print", "Punct", "Space", "Upper", "XDigit",
        "javaLowerCase", "javaUpperCase", "javaAlphabetic", "javaIdeographic", "javaTitleCase",
        "javaDigit", "javaDefined", "javaLetter", "javaLetterOrDigit", "javaJavaIdentifierStart",
        "javaJavaIdentifierPart", "javaUnicodeIdentifierStart", "javaUnicodeIdentifierPart",
        "javaIdentifierIgnorable", "javaSpaceChar", "javaWhitespace", "javaISOControl",
        "javaMirrored",
    };
    static final String[] BINARY = {
        "ALPHABETIC", "ASSIGNED", "CONTROL", "HEXDIGIT", "HEX_DIGIT", "IDEOGRAPHIC",
        "JOINCONTROL", "JOIN_CONTROL", "LETTER", "LOWERCASE", "NONCHARACTERCODEPOINT",
        "NONCHARACTER_CODE_POINT", "TITLECASE", "PUNCTUATION", "UPPERCASE", "WHITESPACE",
        "WHITE_SPACE", "WORD",
    };
    static final String[] POSIX = {
        "ALPHA", "LOWER", "UPPER", "SPACE", "PUNCT", "XDIGIT", "ALNUM", "CNTRL", "DIGIT", "BLANK",
        "GRAPH", "PRINT",
    };
    /** Canonical block names that are not the constant's words with spaces or hyphens. */
    static final Map<String, String> RENAMED = Map.of(
        "GREEK", "GREEK AND COPTIC",
        "COMBINING_MARKS_FOR_SYMBOLS", "COMBINING DIACRITICAL MARKS FOR SYMBOLS",
        "CYRILLIC_SUPPLEMENTARY", "CYRILLIC SUPPLEMENT");

    static String mask(String regex, int flags) {
        Pattern p = Pattern.compile(regex, flags);
        BigInteger m = BigInteger.ZERO;
        for (int c = 0; c < 128; c++) {
            if (p.matcher(String.valueOf((char) c)).matches()) {
                m = m.setBit(c);
            }
        }
        return "0x" + m.toString(16);
    }

    static void masks(StringBuilder out, String doc, String name, String[] names, String prefix) {
        out.append(doc).append("pub(super) const ").append(name).append(": &[(&str, u128, u128)] = &[\n");
        for (String n : names) {
            String re = "\\p{" + prefix + n + "}";
            out.append("    (\"").append(n).append("\", ").append(mask(re, 0)).append(", ")
                .append(mask(re, Pattern.CASE_INSENSITIVE)).append("),\n");
        }
        out.append("];\n\n");
    }

    /** Every script's four-letter ISO 15924 alias (its own name for THAI and the like). */
    static Map<Character.UnicodeScript, String> aliases() {
        Map<Character.UnicodeScript, String> out = new TreeMap<>();
        char[] c = new char[4];
        for (int i = 0; i < 26 * 26 * 26 * 26; i++) {
            int k = i;
            for (int j = 3; j >= 0; j--) {
                c[j] = (char) ('A' + k % 26);
                k /= 26;
            }
            String candidate = new String(c);
            try {
                Character.UnicodeScript s = Character.UnicodeScript.forName(candidate);
                if (!out.containsKey(s) || out.get(s).equals(s.name())) {
                    out.put(s, candidate);
                }
            } catch (IllegalArgumentException e) {
                // not a script name
            }
        }
        return out;
    }

    static boolean names(String name, Character.UnicodeBlock block) {
        try {
            return Character.UnicodeBlock.forName(name) == block;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The block's rows: `CONSTANT~` when its words joined by spaces name it, `CONSTANT=NAME` for
     * every other accepted joining by spaces and hyphens (and for the renamed blocks), or the
     * constant alone. Names without spaces need no row: the checker also compares those.
     */
    static List<String> rows(String constant, Character.UnicodeBlock block) {
        List<String> rows = new ArrayList<>();
        String[] words = constant.split("_");
        int gaps = words.length - 1;
        for (int combo = 0; combo < (1 << gaps); combo++) {
            StringBuilder s = new StringBuilder(words[0]);
            for (int g = 0; g < gaps; g++) {
                s.append((combo >> g & 1) == 0 ? ' ' : '-').append(words[g + 1]);
            }
            if (gaps > 0 && names(s.toString(), block)) {
                rows.add(combo == 0 ? constant + "~" : constant + "=" + s);
            }
        }
        if (RENAMED.containsKey(constant)) {
            rows.add(constant + "=" + RENAMED.get(constant));
        }
        if (rows.isEmpty()) {
            rows.add(constant);
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("//! Name tables and ASCII membership masks for Java 17 `\\\\p{…}` properties.\n")
            .append("//!\n")
            .append("//! Generated by `make regex-tables` (scripts/java/GenRegexTables.java) from the JDK's\n")
            .append("//! `Character.UnicodeScript`, `Character.UnicodeBlock` and `Pattern` matching each ASCII\n")
            .append("//! character; `src/lang/java_regex/differential_tests.rs` re-checks them against the installed JDK.\n")
            .append("//! Masks: bit `c` is set when ASCII character `c` matches.\n\n")
            .append("use std::borrow::Cow;\n\n");
        masks(out, "/// `Pattern` property names looked up case-sensitively (`\\\\p{Lu}`, `\\\\p{Lower}`,\n"
            + "/// `\\\\p{javaLowerCase}`): name, mask, mask under `(?i)`.\n", "PROPERTIES", PROPERTIES, "");
        masks(out, "/// Unicode binary properties after `Is` (matched upper-cased): name, mask, mask under `(?i)`.\n",
            "BINARY", BINARY, "Is");
        masks(out, "/// POSIX names (matched upper-cased after `Is`, or bare under `(?U)`): name, mask, mask\n"
            + "/// under `(?i)`.\n", "POSIX", POSIX, "Is");
        out.append("/// `Character.UnicodeScript` constants with their ISO 15924 alias: `CONSTANT ALIAS` lines.\n")
            .append("///\n")
            .append("/// One text, not a slice of pairs: a pointer and a length per name made up a third of the table's\n")
            .append("/// size in the wasm.\n")
            .append("pub(super) const SCRIPTS: &str = \"\\\n");
        Map<Character.UnicodeScript, String> aliases = aliases();
        for (Character.UnicodeScript s : Character.UnicodeScript.values()) {
            if (aliases.containsKey(s)) {
                out.append(s.name()).append(' ').append(aliases.get(s)).append("\\n\\\n");
            }
        }
        out.append("\";\n\n");
        TreeMap<String, Character.UnicodeBlock> blocks = new TreeMap<>();
        for (Field f : Character.UnicodeBlock.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Character.UnicodeBlock.class) {
                blocks.put(f.getName(), (Character.UnicodeBlock) f.get(null));
            }
        }
        out.append("/// `Character.UnicodeBlock` constants, one a line, with the upper-cased canonical name when it\n")
            .append("/// differs (the name without spaces is accepted too): `CONSTANT` alone when the canonical name is\n")
            .append("/// the constant itself, `CONSTANT~` when it is the constant with spaces for underscores, and\n")
            .append("/// `CONSTANT=CANONICAL NAME` otherwise.\n")
            .append("pub(super) const BLOCKS: &str = \"\\\n");
        for (Map.Entry<String, Character.UnicodeBlock> e : blocks.entrySet()) {
            for (String row : rows(e.getKey(), e.getValue())) {
                out.append(row).append("\\n\\\n");
            }
        }
        out.append("\";\n\n")
            .append("/// The rows of [`SCRIPTS`]: constant and alias.\n")
            .append("pub(super) fn scripts() -> impl Iterator<Item = (&'static str, &'static str)> {\n")
            .append("    SCRIPTS.lines().filter_map(|l| l.split_once(' '))\n")
            .append("}\n\n")
            .append("/// The rows of [`BLOCKS`]: constant and canonical name (empty when it is the constant itself).\n")
            .append("pub(super) fn blocks() -> impl Iterator<Item = (&'static str, Cow<'static, str>)> {\n")
            .append("    BLOCKS.lines().map(|l| {\n")
            .append("        if let Some(constant) = l.strip_suffix('~') {\n")
            .append("            (constant, Cow::Owned(constant.replace('_', \" \")))\n")
            .append("        } else if let Some((constant, canonical)) = l.split_once('=') {\n")
            .append("            (constant, Cow::Borrowed(canonical))\n")
            .append("        } else {\n")
            .append("            (l, Cow::Borrowed(\"\"))\n")
            .append("        }\n")
            .append("    })\n")
            .append("}\n");
        System.out.print(out);
    }
}
