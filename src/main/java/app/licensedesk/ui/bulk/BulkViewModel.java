package app.licensedesk.ui.bulk;

import app.licensedesk.service.bulk.BulkCsv;
import app.licensedesk.service.bulk.BulkEngine;
import app.licensedesk.service.bulk.BulkFile;
import app.licensedesk.service.bulk.BulkJournal;
import app.licensedesk.service.bulk.BulkPreview;
import app.licensedesk.service.bulk.BulkRun;
import app.licensedesk.service.bulk.PlannedRow;
import app.licensedesk.service.bulk.RowResult;
import app.licensedesk.service.bulk.RowResult.Outcome;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bulk page: open a CSV file and see the preview's verdict for every row, run it with progress, pause, resume
 * or cancel it, and export the results. The engine does the work (exactly once, with its journal next to the
 * file); this only drives it through the {@link TaskRunner}. A session that ends mid-run goes to the runner's
 * re-authentication, which carries the same run on.
 */
public final class BulkViewModel {

    /** Where the page stands. */
    public enum Phase { EMPTY, LOADING, PREVIEW, RUNNING, PAUSED, ENDED }

    private final BulkEngine engine;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final Clock clock;

    private final ObservableList<BulkRowItem> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EMPTY);
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final StringProperty resultsPath = new SimpleStringProperty(this, "resultsPath", "");
    /** The results path this page proposed, so that one the user typed is never replaced. */
    private String proposedResults = "";
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final BooleanBinding canOpen = phase.isNotEqualTo(Phase.RUNNING).and(phase.isNotEqualTo(Phase.PAUSED))
            .and(phase.isNotEqualTo(Phase.LOADING));
    private final ReadOnlyIntegerWrapper invalid = new ReadOnlyIntegerWrapper(this, "invalid", 0);
    private final BooleanBinding canRun = phase.isEqualTo(Phase.PREVIEW).and(invalid.isEqualTo(0));
    private final BooleanBinding canPause = phase.isEqualTo(Phase.RUNNING);
    private final BooleanBinding canResume = phase.isEqualTo(Phase.PAUSED);
    private final BooleanBinding canCancel = canPause.or(canResume);
    private final BooleanBinding canExport = phase.isEqualTo(Phase.ENDED).and(Bindings.isNotEmpty(rows));

    private final Map<Integer, BulkRowItem> byLine = new HashMap<>();
    private Path file;
    private BulkPreview preview;
    /** The run of the preview, once started; its methods may be called from any thread. */
    private volatile BulkRun run;
    private volatile Consumer<RowResult> publish;
    /** The run's journal while the run may go on (closed when it ends, kept while a new sign-in is awaited). */
    private volatile BulkJournal openJournal;
    private int ended;
    /** How the last run ended, kept in the status line when a file is written after it. */
    private String endedText = "";

    public BulkViewModel(BulkEngine engine, TaskRunner tasks, ZoneId zone, Clock clock) {
        this.engine = engine;
        this.tasks = tasks;
        this.zone = zone;
        this.clock = clock;
    }

    /** A preview, or why there is none. */
    private record Loaded(BulkPreview preview, List<String> problems) {
    }

    /** Opens the file whose path was typed or pasted into {@link #pathProperty()}. */
    public void openTyped() {
        Path typed = FileProblems.typed(path.get(), error::set);
        if (typed != null) {
            open(typed);
        }
    }

    /** Reads the file and checks every row against the server. Nothing is sent. */
    public void open(Path chosen) {
        if (!canOpen.get()) {
            return;
        }
        Path path = chosen.toAbsolutePath();
        file = path;
        this.path.set(path.toString());
        if (resultsPath.get().isBlank() || resultsPath.get().equals(proposedResults)) {
            String name = path.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
            proposedResults = path.resolveSibling(name + ".results.csv").toString();
            resultsPath.set(proposedResults);
        }
        preview = null;
        run = null;
        rows.clear();
        byLine.clear();
        invalid.set(0);
        ended = 0;
        progress.set(0);
        error.set("");
        status.set("");
        endedText = "";
        summary.set("");
        phase.set(Phase.LOADING);
        tasks.run(I18n.t("bulk.task.preview", path.getFileName()), () -> {
            try {
                BulkFile read = BulkCsv.read(path, zone);
                if (!read.problems().isEmpty()) {
                    return new Loaded(null, read.problems());
                }
                BulkJournal.Replay replay = BulkJournal.read(BulkJournal.defaultPath(path), read);
                return new Loaded(engine.preview(read, replay, () -> false), List.of());
            } catch (IOException e) {
                return new Loaded(null, List.of(FileProblems.of(path, e, false)));
            }
        }, this::loaded, failure -> {
            phase.set(Phase.EMPTY);
            error.set(FileProblems.describe(failure));
        });
    }

    /** Reads the file again, e.g. to continue a run that was cancelled (the journal knows what was sent). */
    public void reload() {
        if (!path.get().isBlank()) {
            openTyped();
        }
    }

    private void loaded(Loaded loaded) {
        if (loaded.preview() == null) {
            phase.set(Phase.EMPTY);
            error.set(String.join("\n", loaded.problems()));
            return;
        }
        preview = loaded.preview();
        for (PlannedRow plan : preview.rows()) {
            BulkRowItem item = new BulkRowItem(plan);
            byLine.put(item.line(), item);
            rows.add(item);
        }
        int bad = preview.invalidRows().size();
        invalid.set(bad);
        summary.set(preview.summary());
        error.set(bad == 0 ? "" : I18n.t("bulk.ui.invalid", bad));
        phase.set(Phase.PREVIEW);
    }

    /** Sends the rows of the preview. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        BulkPreview planned = preview;
        Path journalPath = BulkJournal.defaultPath(file);
        phase.set(Phase.RUNNING);
        error.set("");
        tasks.<BulkRun.Status, RowResult>run(I18n.t("bulk.task.run", file.getFileName()), publisher -> {
            publish = publisher;
            if (run == null) {
                BulkJournal journal = BulkJournal.open(journalPath, planned.file(), clock);
                run = engine.newRun(planned, journal, this::rowEnded);
                return execute(run, journal);
            }
            return execute(run, null);
        }, this::showEnded, this::finished, failure -> {
            phase.set(Phase.ENDED);
            error.set(FileProblems.describe(failure));
            if (openJournal != null) {
                // the session ended and no new sign-in came: the run is over, its journal can be closed
                tasks.run(I18n.t("bulk.task.run", file.getFileName()), () -> {
                    closeJournal();
                    return Boolean.TRUE;
                }, ok -> { }, closing -> error.set(FileProblems.describe(closing)));
            }
        });
    }

    /** Runs; the journal stays open only while the run may go on (a session that ended is carried on). */
    private BulkRun.Status execute(BulkRun target, BulkJournal journal) throws IOException {
        if (journal != null) {
            openJournal = journal;
        }
        try {
            BulkRun.Status result = target.execute();
            closeJournal();
            return result;
        } catch (RuntimeException e) {
            if (!target.awaitsSignIn()) {
                closeJournal();
            }
            throw e;
        }
    }

    private void closeJournal() throws IOException {
        BulkJournal journal = openJournal;
        openJournal = null;
        if (journal != null) {
            journal.close();
        }
    }

    /** On a run thread: hand the result to the FX thread. */
    private void rowEnded(RowResult result) {
        Consumer<RowResult> p = publish;
        if (p != null) {
            p.accept(result);
        }
    }

    private void showEnded(RowResult result) {
        BulkRowItem item = byLine.get(result.row().line());
        if (item != null) {
            item.ended(result);
        }
        ended++;
        progress.set(rows.isEmpty() ? 1 : ended / (double) rows.size());
    }

    private void finished(BulkRun.Status result) {
        phase.set(Phase.ENDED);
        Map<Outcome, Integer> counts = run.counts();
        endedText = I18n.t("bulk.ui.ended." + result.name(), counts.get(Outcome.DONE), counts.get(Outcome.SKIPPED),
                counts.get(Outcome.FAILED), counts.get(Outcome.PENDING));
        status.set(endedText);
    }

    /** Stops sending new requests; those in flight finish. */
    public void pause() {
        BulkRun current = run;
        if (canPause.get() && current != null) {
            current.pause();
            phase.set(Phase.PAUSED);
            status.set(I18n.t("bulk.ui.paused"));
        }
    }

    public void resume() {
        BulkRun current = run;
        if (canResume.get() && current != null) {
            current.resume();
            phase.set(Phase.RUNNING);
            status.set("");
        }
    }

    /** Ends the run: requests in flight finish and are recorded; the rest stay for a later run. */
    public void cancel() {
        BulkRun current = run;
        if (canCancel.get() && current != null) {
            current.cancel();
        }
    }

    /** Writes the results to the file named in {@link #resultsPathProperty()}. */
    public void exportTyped() {
        Path typed = FileProblems.typed(resultsPath.get(), error::set);
        if (typed != null) {
            exportResults(typed);
        }
    }

    /** Writes the results: the input columns plus outcome, reason, claimedTo and activatedAt. */
    public void exportResults(Path target) {
        BulkRun current = run;
        if (!canExport.get()) {
            return;
        }
        BulkFile input = preview.file();
        List<RowResult> results = current != null ? current.results() : List.of();
        write(target, () -> BulkCsv.writeReport(target, input, results), "bulk.ui.exported");
    }

    /** Writes a header and an example row. */
    public void writeTemplate(Path target) {
        write(target, () -> BulkCsv.writeTemplate(target, ','), "bulk.ui.templateWritten");
    }

    @FunctionalInterface
    private interface Writing {
        void write() throws IOException;
    }

    /** What writing a file came to: what was written, or why not. */
    private record Written(String done, String problem) {
    }

    private void write(Path target, Writing writing, String doneKey) {
        tasks.run(I18n.t("bulk.task.write", target.getFileName()), () -> {
            try {
                writing.write();
                return new Written(I18n.t(doneKey, target), null);
            } catch (IOException e) {
                return new Written(null, FileProblems.of(target, e, true));
            }
        }, written -> {
            if (written.problem() == null) {
                error.set("");
                status.set(endedText.isEmpty() ? written.done() : endedText + " " + written.done());
            } else {
                error.set(written.problem());
            }
        }, failure -> error.set(FileProblems.describe(failure)));
    }

    public ObservableList<BulkRowItem> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The input file's path: typed or pasted, or the one chosen or opened last. */
    public StringProperty pathProperty() {
        return path;
    }

    /** Where the results are written; proposed next to the input file until the user types another. */
    public StringProperty resultsPathProperty() {
        return resultsPath;
    }

    /** The preview's counts ("1000 rows: 990 to send, ..."). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What went wrong: the file's problems, invalid rows, a failed run; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How the run stands or ended; what was written. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Rows ended / rows, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canPauseProperty() {
        return canPause;
    }

    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
