package app.licensedesk.ui.bulk;

import app.licensedesk.service.bulk.JournalException;
import app.licensedesk.ui.common.ErrorMessages;
import app.licensedesk.ui.common.I18n;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The bulk page's words for what went wrong with a path or a file (the input, its journal, the results or the
 * template) or with a run. A file that is missing or cannot be read or written is an expected problem, said at the
 * page.
 */
final class FileProblems {

    private FileProblems() {
    }

    /**
     * The absolute path typed or pasted in a field, or null after telling {@code problem} why it is none (empty,
     * not a path, or a folder's root).
     */
    static Path typed(String text, Consumer<String> problem) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            problem.accept(I18n.t("bulk.ui.pathEmpty"));
            return null;
        }
        try {
            Path typed = Path.of(trimmed).toAbsolutePath();
            if (typed.getFileName() != null) {
                return typed;
            }
        } catch (InvalidPathException e) {
            // said below
        }
        problem.accept(I18n.t("bulk.ui.pathInvalid", trimmed));
        return null;
    }

    /** Why {@code path} could not be read ({@code writing == false}) or written. */
    static String of(Path path, IOException e, boolean writing) {
        if (e instanceof JournalException) {
            return e.getMessage(); // the journal's own words, naming it
        }
        if (e instanceof NoSuchFileException && !writing) {
            return I18n.t("bulk.file.missing", path);
        }
        String why = e instanceof AccessDeniedException ? I18n.t("bulk.file.accessDenied") : e.getMessage();
        return I18n.t(writing ? "bulk.file.unwritable" : "bulk.file.unreadable", path, why);
    }

    /** Why a run stopped with a failure: the journal, or what ErrorMessages says of the API's failure. */
    static String describe(Throwable failure) {
        if (failure instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof JournalException) {
            return unchecked.getCause().getMessage();
        }
        if (failure instanceof JournalException) {
            return failure.getMessage();
        }
        return ErrorMessages.describe(failure, ErrorMessages.Action.GENERAL);
    }
}
