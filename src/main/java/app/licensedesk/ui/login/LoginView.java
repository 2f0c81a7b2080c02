package app.licensedesk.ui.login;

import app.licensedesk.model.TwoFactorMethod;
import app.licensedesk.model.Environment;
import app.licensedesk.ui.common.I18n;
import app.licensedesk.ui.common.PageParts;
import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sign-in screen: binds to {@link LoginViewModel} and forwards events. */
public final class LoginView {

    private final LoginViewModel vm;
    private final StackPane root = new StackPane();
    private final TextField usernameField = new TextField();
    private final PasswordField passwordField = new PasswordField();
    private final TextField codeField = new TextField();

    /**
     * @param sandboxHint the demo accounts, shown when the sandbox is chosen
     * @param reauth      true for the "session ended" prompt: environment and username are fixed
     */
    public LoginView(LoginViewModel vm, String sandboxHint, boolean reauth) {
        this.vm = vm;
        VBox credentials = credentials(sandboxHint, reauth);
        credentials.visibleProperty().bind(vm.stepProperty().isEqualTo(LoginViewModel.Step.CREDENTIALS));
        credentials.managedProperty().bind(credentials.visibleProperty());
        Node twoFactor = onFirstShow(credentials.visibleProperty().not(), this::twoFactor);

        Label title = new Label(I18n.t("app.name"), new FontIcon(Feather.KEY));
        title.getStyleClass().addAll(Styles.TITLE_2);
        Label subtitle = new Label(I18n.t(reauth ? "login.reauth.subtitle" : "login.subtitle"));
        subtitle.setWrapText(true);
        // in a dialog the height is asked before the width is known: let the wrapped text keep its lines
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        Label error = new Label();
        error.setId("loginError");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        Label info = new Label();
        info.setId("loginInfo");
        info.getStyleClass().add("inline-success");
        info.textProperty().bind(vm.infoProperty());
        info.visibleProperty().bind(vm.infoProperty().isNotEmpty());
        info.managedProperty().bind(info.visibleProperty());

        VBox card = new VBox(14, title, subtitle, credentials, twoFactor, error, info);
        card.setPadding(new Insets(28));
        card.setPrefWidth(460);
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("login-card");
        root.getChildren().add(card);
        root.setPadding(new Insets(24));
        StackPane.setAlignment(card, Pos.CENTER);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                focusFirstEmpty();
            }
        });
        vm.stepProperty().addListener((o, a, step) -> {
            if (step == LoginViewModel.Step.TWO_FACTOR) {
                codeField.requestFocus();
            } else {
                focusFirstEmpty();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private void focusFirstEmpty() {
        if (usernameField.getText().isBlank()) {
            usernameField.requestFocus();
        } else {
            passwordField.requestFocus();
        }
    }

    private VBox credentials(String sandboxHint, boolean reauth) {
        ToggleGroup envGroup = new ToggleGroup();
        RadioButton sandbox = envRadio(envGroup, Environment.Kind.SANDBOX, "envSandbox");
        RadioButton production = envRadio(envGroup, Environment.Kind.PRODUCTION, "envProduction");
        RadioButton custom = envRadio(envGroup, Environment.Kind.CUSTOM, "envCustom");
        envGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.environmentProperty().set((Environment.Kind) t.getUserData());
            }
        });
        vm.environmentProperty().addListener((o, a, kind) -> selectKind(envGroup, kind));
        selectKind(envGroup, vm.environmentProperty().get());
        // wraps instead of cutting the names: "Lokale Sandbox  Eniris-Produktion  Benutzerdefiniert" is too wide
        FlowPane envRow = new FlowPane(16, 6, sandbox, production, custom);

        TextField authUrl = new TextField();
        authUrl.setId("authUrlField");
        authUrl.setPromptText("https://authentication.example.com");
        authUrl.textProperty().bindBidirectional(vm.authUrlProperty());
        TextField apiUrl = new TextField();
        apiUrl.setId("apiUrlField");
        apiUrl.setPromptText("https://api.example.com");
        apiUrl.textProperty().bindBidirectional(vm.apiUrlProperty());
        Node customBox = onFirstShow(vm.customChosenProperty(), () -> new VBox(6,
                field(I18n.t("login.authUrl"), authUrl, vm.authUrlErrorProperty()),
                field(I18n.t("login.apiUrl"), apiUrl, vm.apiUrlErrorProperty())));

        Label hint = new Label(I18n.t("login.sandboxHint", sandboxHint));
        hint.setId("sandboxHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("inline-info");
        hint.visibleProperty().bind(vm.sandboxChosenProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        Label productionWarning = new Label(I18n.t("login.productionWarning"));
        productionWarning.setWrapText(true);
        productionWarning.getStyleClass().add(Styles.WARNING);
        productionWarning.visibleProperty().bind(vm.environmentProperty().isEqualTo(Environment.Kind.PRODUCTION));
        productionWarning.managedProperty().bind(productionWarning.visibleProperty());

        usernameField.setId("usernameField");
        usernameField.setPromptText(I18n.t("login.username.prompt"));
        usernameField.textProperty().bindBidirectional(vm.usernameProperty());
        passwordField.setId("passwordField");
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());

        Button signIn = new Button(I18n.t("login.signIn"), new FontIcon(Feather.LOG_IN));
        signIn.setId("signInButton");
        // one default button per scene: Enter signs in on this step and verifies on the next
        signIn.defaultButtonProperty().bind(vm.stepProperty().isEqualTo(LoginViewModel.Step.CREDENTIALS));
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.disableProperty().bind(vm.busyProperty());
        signIn.setOnAction(e -> vm.signIn());
        signIn.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(signIn, Priority.ALWAYS);

        Label envLabel = new Label(I18n.t("login.environment"));
        envLabel.getStyleClass().add(Styles.TEXT_BOLD);
        if (reauth) {
            usernameField.setEditable(false);
            return new VBox(10,
                    field(I18n.t("login.username"), usernameField, vm.usernameErrorProperty()),
                    field(I18n.t("login.password"), passwordField, vm.passwordErrorProperty()),
                    new HBox(10, signIn, spinner()));
        }
        VBox box = new VBox(10, envLabel, envRow, customBox, productionWarning,
                field(I18n.t("login.username"), usernameField, vm.usernameErrorProperty()),
                field(I18n.t("login.password"), passwordField, vm.passwordErrorProperty()),
                new HBox(10, signIn, spinner()), hint);
        if (vm.keep() != null) {
            box.getChildren().add(box.getChildren().indexOf(hint) - 1, keepChoice(vm.keep()));
        }
        return box;
    }

    /** "Keep me signed in", disabled with the reason beneath where it cannot be used. */
    private static VBox keepChoice(KeepSignedIn keep) {
        CheckBox box = new CheckBox(I18n.t("login.keep"));
        box.setId("keepSignedInCheck");
        box.selectedProperty().bindBidirectional(keep.chosenProperty());
        box.disableProperty().bind(keep.usableProperty().not());
        box.setTooltip(new Tooltip(I18n.t("login.keep.tooltip")));
        Label reason = new Label();
        reason.setId("keepSignedInReason");
        reason.setWrapText(true);
        reason.getStyleClass().add("inline-info");
        reason.textProperty().bind(keep.reasonProperty());
        reason.visibleProperty().bind(keep.reasonProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        return new VBox(4, box, reason);
    }

    private RadioButton envRadio(ToggleGroup group, Environment.Kind kind, String id) {
        RadioButton radio = new RadioButton(I18n.t("environment." + kind.name()));
        radio.setId(id);
        radio.setUserData(kind);
        radio.setToggleGroup(group);
        radio.setMinWidth(Region.USE_PREF_SIZE);
        return radio;
    }

    private static void selectKind(ToggleGroup group, Environment.Kind kind) {
        group.getToggles().stream().filter(t -> t.getUserData() == kind).findFirst().ifPresent(group::selectToggle);
    }

    private VBox twoFactor() {
        Label heading = new Label(I18n.t("login.twoFactor.title"), new FontIcon(Feather.SHIELD));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label explain = new Label(I18n.t("login.twoFactor.explain"));
        explain.setWrapText(true);

        ToggleGroup methods = new ToggleGroup();
        VBox methodRow = new VBox(6); // one per line: the names do not fit side by side
        for (TwoFactorMethod m : TwoFactorMethod.values()) {
            RadioButton radio = new RadioButton(I18n.t("login.twoFactor.method." + m.name()));
            radio.setId("method" + m.name());
            radio.setUserData(m);
            radio.setToggleGroup(methods);
            radio.setSelected(vm.methodProperty().get() == m);
            methodRow.getChildren().add(radio);
        }
        methods.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.methodProperty().set((TwoFactorMethod) t.getUserData());
                codeField.requestFocus();
            }
        });

        codeField.setId("codeField");
        codeField.textProperty().bindBidirectional(vm.codeProperty());
        codeField.promptTextProperty().bind(Bindings.createStringBinding(
                () -> I18n.t(vm.methodProperty().get() == TwoFactorMethod.RECOVERY_CODE
                        ? "login.twoFactor.recoveryPrompt" : "login.twoFactor.codePrompt"), vm.methodProperty()));

        Hyperlink send = new Hyperlink(I18n.t("login.twoFactor.sendCode"), new FontIcon(Feather.MAIL));
        send.setId("sendCodeLink");
        send.visibleProperty().bind(vm.methodProperty().isEqualTo(TwoFactorMethod.EMAIL_OTP));
        send.managedProperty().bind(send.visibleProperty());
        send.disableProperty().bind(vm.busyProperty());
        send.setOnAction(e -> vm.sendEmailCode());

        Button verify = new Button(I18n.t("login.twoFactor.verify"), new FontIcon(Feather.CHECK));
        verify.setId("verifyButton");
        verify.defaultButtonProperty().bind(vm.stepProperty().isEqualTo(LoginViewModel.Step.TWO_FACTOR));
        verify.getStyleClass().add(Styles.ACCENT);
        verify.disableProperty().bind(vm.busyProperty());
        verify.setOnAction(e -> vm.verifyCode());
        verify.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(verify, Priority.ALWAYS);
        Hyperlink back = new Hyperlink(I18n.t("login.twoFactor.back"), new FontIcon(Feather.ARROW_LEFT));
        back.setId("backLink");
        back.setOnAction(e -> vm.backToCredentials());

        return new VBox(10, heading, explain, methodRow,
                field(I18n.t("login.twoFactor.code"), codeField, vm.codeErrorProperty()), send,
                new HBox(10, verify, spinner()), back);
    }

    /** The busy spinner beside a button: its place is kept from the start, the spinner made when first busy. */
    private Node spinner() {
        StackPane place = new StackPane();
        place.setMinSize(24, 24);
        place.setPrefSize(24, 24);
        place.setMaxSize(24, 24);
        Node busy = onFirstShow(vm.busyProperty(), () -> {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(24, 24);
            return spinner;
        });
        place.getChildren().add(busy);
        return place;
    }

    /**
     * A part of the window that is hidden until {@code shown} turns true (the second step, the custom servers, the
     * busy spinner) is built the first time it is shown: before the first frame, the window builds, styles and lays
     * out only what it shows. Hidden, the holder takes no place.
     */
    static Node onFirstShow(ObservableBooleanValue shown, Supplier<Node> build) {
        StackPane holder = new StackPane();
        PageParts.visibleWhen(holder, shown);
        InvalidationListener fill = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (shown.get()) {
                    shown.removeListener(this);
                    holder.getChildren().add(build.get());
                }
            }
        };
        shown.addListener(fill);
        fill.invalidated(shown);
        return holder;
    }

    /** A label, the input and the input's validation message under it. */
    static Node field(String label, TextInputControl input, ObservableStringValue problem) {
        Label caption = new Label(label);
        caption.setLabelFor(input);
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.textProperty().bind(problem);
        message.visibleProperty().bind(Bindings.isNotEmpty(problem));
        message.managedProperty().bind(message.visibleProperty());
        if (input.getId() != null) {
            message.setId(input.getId() + "Error");
        }
        input.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.get().isEmpty());
        problem.addListener((o, a, b) -> input.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        return new VBox(4, caption, input, message);
    }
}
