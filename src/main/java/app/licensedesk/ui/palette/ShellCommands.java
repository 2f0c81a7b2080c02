package app.licensedesk.ui.palette;

import app.licensedesk.ui.common.PageParts;
import app.licensedesk.ui.shell.Page;
import app.licensedesk.ui.shell.ShellView;
import app.licensedesk.ui.shell.ShellViewModel;

/** The palette's commands carried out by the main window: its pages, its F5, its Sign out, the shortcut sheet. */
final class ShellCommands implements PaletteCommands {

    private final ShellView shell;
    private final ShellViewModel shellViewModel;
    private final Runnable shortcuts;

    ShellCommands(ShellView shell, ShellViewModel shellViewModel, Runnable shortcuts) {
        this.shell = shell;
        this.shellViewModel = shellViewModel;
        this.shortcuts = shortcuts;
    }

    @Override
    public void show(Page page, Object item) {
        shell.reveal(page, item);
    }

    @Override
    public void copyKey(String key) {
        PageParts.copyKey(shell.root(), key);
    }

    @Override
    public void reload() {
        shell.currentPage().refresh();
    }

    @Override
    public void signOut() {
        shellViewModel.signOut();
    }

    @Override
    public void showShortcuts() {
        shortcuts.run();
    }
}
