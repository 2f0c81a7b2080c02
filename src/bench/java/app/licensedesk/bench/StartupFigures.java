package app.licensedesk.bench;

import java.util.List;

final class StartupFigures {

    private StartupFigures() {
    }

    static List<Figure> measure(java.nio.file.Path target) {
        return List.of(Figure.notMeasured("StartupFigures", "", "not written yet"));
    }
}
