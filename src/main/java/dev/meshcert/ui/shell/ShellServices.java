package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.Appearance;
import dev.meshcert.ui.common.ClipboardService;
import dev.meshcert.ui.common.DialogService;
import dev.meshcert.ui.common.Preferences;
import dev.meshcert.ui.common.Redactor;
import dev.meshcert.ui.common.TaskRunner;
import java.util.Map;

/**
 * What the main window needs besides its screens, made by the composition root.
 *
 * @param redactor the redaction switch
 * @param appearance zoom, theme and presentation mode
 * @param preferences persisted settings and recent files
 * @param runner slow work (report files, images)
 * @param dialogs file choosers and problems
 * @param clipboard the (redacting) clipboard for text
 * @param versions name to version, in display order, for the About dialog
 */
public record ShellServices(
    Redactor redactor,
    Appearance appearance,
    Preferences preferences,
    TaskRunner runner,
    DialogService dialogs,
    ClipboardService clipboard,
    Map<String, String> versions) {}
