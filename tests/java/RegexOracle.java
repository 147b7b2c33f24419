// Oracle for src/lang/java_regex/differential_tests.rs: judges patterns with java.util.regex.Pattern.
//
// Run as a single-file source program: `java tests/java/RegexOracle.java <input-file>`.
// Each input line is a command with hex-encoded UTF-8 arguments; one output line per input line:
//   C <pattern>              -> "ok" | "err <index> <description>"
//   M <pattern> <text>       -> "m <find 0|1> <matches 0|1>" | "timeout" | "err <index> <description>"
//   T <pattern> <text> <ms>  -> "t <elapsed ms>" | "t timeout" | "err <index> <description>"
// T matches with find() and gives up after <ms> milliseconds (checked on every character read);
// M gives up after half a second per call (a generated pattern may backtrack catastrophically).
import java.io.BufferedReader;
import java.io.FileReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class RegexOracle {
    static final class Timeout extends RuntimeException {
        Timeout() { super(null, null, false, false); }
    }

    /** A CharSequence that aborts the match once its deadline has passed. */
    static final class Deadline implements CharSequence {
        final String s;
        final long deadline;
        int reads;
        Deadline(String s, long deadline) { this.s = s; this.deadline = deadline; }
        public int length() { return s.length(); }
        public char charAt(int i) {
            if ((++reads & 0xfff) == 0 && System.nanoTime() > deadline) throw new Timeout();
            return s.charAt(i);
        }
        public CharSequence subSequence(int a, int b) { return s.subSequence(a, b); }
        public String toString() { return s; }
    }

    static String unhex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(new FileReader(args[0], StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ", -1);
                Pattern p;
                try {
                    p = Pattern.compile(unhex(f.length > 1 ? f[1] : ""));
                } catch (PatternSyntaxException e) {
                    out.println("err " + e.getIndex() + " " + oneLine(e.getDescription()));
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    out.println("err -2 " + oneLine(e.toString()));
                    continue;
                }
                switch (f[0]) {
                    case "C":
                        out.println("ok");
                        break;
                    case "M": {
                        String text = unhex(f[2]);
                        try {
                            long deadline = System.nanoTime() + 500_000_000L;
                            boolean find = p.matcher(new Deadline(text, deadline)).find();
                            boolean matches = p.matcher(new Deadline(text, deadline)).matches();
                            out.println("m " + (find ? 1 : 0) + " " + (matches ? 1 : 0));
                        } catch (Timeout e) {
                            out.println("timeout");
                        } catch (RuntimeException | StackOverflowError e) {
                            out.println("x " + oneLine(e.toString()));
                        }
                        break;
                    }
                    case "T": {
                        String text = unhex(f[2]);
                        long ms = Long.parseLong(f[3]);
                        long start = System.nanoTime();
                        try {
                            p.matcher(new Deadline(text, start + ms * 1_000_000L)).find();
                            out.println("t " + (System.nanoTime() - start) / 1_000_000L);
                        } catch (Timeout e) {
                            out.println("t timeout");
                        } catch (RuntimeException | StackOverflowError e) {
                            out.println("x " + oneLine(e.toString()));
                        }
                        break;
                    }
                    default:
                        out.println("bad command");
                }
            }
        }
        out.flush();
    }
}
