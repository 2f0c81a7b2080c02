package app.licensedesk.bench;

import java.util.List;

final class OverviewFigures {

    private OverviewFigures() {
    }

    static List<Figure> measure() {
        return List.of(Figure.notMeasured("OverviewFigures", "", "not written yet"));
    }
}
