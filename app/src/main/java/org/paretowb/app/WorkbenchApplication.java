package org.paretowb.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.paretowb.models.network.Architecture;

/** The JavaFX application: the workbench on the example CNN. */
public final class WorkbenchApplication extends Application {
    private WorkbenchWindow window;

    @Override
    public void start(Stage stage) {
        window = new WorkbenchWindow(Architecture.CNN);
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
