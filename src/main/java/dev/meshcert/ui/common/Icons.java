package dev.meshcert.ui.common;

import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * Every icon the application shows, in one place. Each node gets the style classes {@code icon} and
 * {@code icon-<name>} (for example {@code icon-expired}) so CSS sets colour and size.
 */
public enum Icons {
  SOURCE(MaterialDesignF.FILE_CERTIFICATE_OUTLINE),
  CHAIN(MaterialDesignL.LINK_VARIANT),
  CHAIN_BROKEN(MaterialDesignL.LINK_VARIANT_OFF),
  CERTIFICATE(MaterialDesignC.CERTIFICATE_OUTLINE),
  AUTHORITY(MaterialDesignS.SHIELD_CROWN_OUTLINE),
  VALID(MaterialDesignC.CHECK_CIRCLE_OUTLINE),
  EXPIRING(MaterialDesignC.CLOCK_ALERT_OUTLINE),
  EXPIRED(MaterialDesignA.ALERT_CIRCLE),
  NOT_YET_VALID(MaterialDesignT.TIMER_SAND),
  SPIFFE(MaterialDesignI.IDENTIFIER),
  KEY(MaterialDesignK.KEY_VARIANT),
  METADATA(MaterialDesignI.INFORMATION_OUTLINE),
  PROBLEM(MaterialDesignA.ALERT_OUTLINE),
  FIELD_GROUP(MaterialDesignF.FORMAT_LIST_BULLETED),
  OPEN_FILE(MaterialDesignF.FILE_MULTIPLE_OUTLINE),
  OPEN_FOLDER(MaterialDesignF.FOLDER_OPEN),
  PASTE(MaterialDesignC.CONTENT_PASTE),
  COPY(MaterialDesignC.CONTENT_COPY),
  REMOVE(MaterialDesignD.DELETE_OUTLINE),
  FILTER(MaterialDesignM.MAGNIFY),
  CLEAR(MaterialDesignC.CLOSE),
  EXPAND_ALL(MaterialDesignA.ARROW_EXPAND_ALL),
  COLLAPSE_ALL(MaterialDesignA.ARROW_COLLAPSE_ALL),
  DROP(MaterialDesignT.TRAY_ARROW_DOWN),
  TEXT(MaterialDesignT.TEXT_BOX_OUTLINE),
  INSPECT(MaterialDesignC.CERTIFICATE),
  REDACT(MaterialDesignE.EYE_OFF_OUTLINE),
  ZOOM_IN(MaterialDesignM.MAGNIFY_PLUS_OUTLINE),
  ZOOM_OUT(MaterialDesignM.MAGNIFY_MINUS_OUTLINE),
  PRESENT(MaterialDesignP.PRESENTATION),
  THEME(MaterialDesignT.THEME_LIGHT_DARK),
  EXPORT(MaterialDesignE.EXPORT),
  IMAGE(MaterialDesignI.IMAGE_OUTLINE),
  EVIDENCE(MaterialDesignC.CARD_TEXT_OUTLINE),
  MARKDOWN(MaterialDesignL.LANGUAGE_MARKDOWN_OUTLINE),
  KEYBOARD(MaterialDesignK.KEYBOARD_OUTLINE),
  ABOUT(MaterialDesignI.INFORMATION_OUTLINE),
  SETTINGS(MaterialDesignC.COG_OUTLINE),
  RECENT(MaterialDesignH.HISTORY);

  private final Ikon ikon;

  Icons(Ikon ikon) {
    this.ikon = ikon;
  }

  /** The Ikonli glyph. */
  public Ikon ikon() {
    return ikon;
  }

  /** A new icon node with this icon's style classes. */
  public FontIcon node() {
    FontIcon icon = new FontIcon(ikon);
    icon.getStyleClass().addAll("icon", styleClass());
    return icon;
  }

  /** {@code icon-expired}, {@code icon-not-yet-valid}, ... */
  public String styleClass() {
    return "icon-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
