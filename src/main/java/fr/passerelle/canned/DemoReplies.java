package fr.passerelle.canned;

import fr.passerelle.store.Ids;
import io.vertx.core.Future;
import java.util.List;

/** Demo mode: a few canned replies in French, English and Romanian, for an association to reword as its own. */
public final class DemoReplies {
  private static final List<String[]> REPLIES = List.of(
      new String[] {"fr", "Accueil", "Bonjour, merci de nous avoir écrit. Je suis là pour vous écouter, sans "
          + "jugement. Vous pouvez me parler de ce que vous voulez, à votre rythme."},
      new String[] {"fr", "Sécurité", "Êtes-vous en sécurité en ce moment ? Si quelqu'un peut voir votre écran, "
          + "vous pouvez fermer cette fenêtre à tout moment avec le bouton de sortie rapide."},
      new String[] {"fr", "Anonymat", "Cette conversation est anonyme : nous ne connaissons ni votre nom ni votre "
          + "numéro. Vous n'avez rien à prouver pour que l'on vous aide."},
      new String[] {"fr", "Âge et 119", "Pour bien vous orienter, puis-je vous demander votre âge ? Si vous avez "
          + "moins de 18 ans, vous pouvez aussi appeler le 119, gratuitement, jour et nuit : l'appel n'apparaît pas "
          + "sur les factures."},
      new String[] {"fr", "Urgence", "Si vous êtes en danger immédiat, appelez le 17 (police) ou le 112. Si vous "
          + "ne pouvez pas parler, envoyez un SMS au 114."},
      new String[] {"fr", "Orientation", "Si vous le souhaitez, nous pouvons vous mettre en relation avec une "
          + "association près de chez vous, qui peut vous accompagner pour le logement, la santé, vos droits ou vos "
          + "papiers. Rien ne se fait sans votre accord."},
      new String[] {"fr", "Fin", "Merci pour votre confiance. Vous pouvez nous écrire de nouveau quand vous voulez, "
          + "pendant nos horaires d'ouverture. Prenez soin de vous."},
      new String[] {"en", "Welcome", "Hello, thank you for writing to us. I'm here to listen, without judgement. "
          + "You can tell me whatever you like, at your own pace."},
      new String[] {"en", "Safety", "Are you safe right now? If someone might see your screen, you can close this "
          + "window at any time with the quick exit button."},
      new String[] {"en", "Anonymity", "This conversation is anonymous: we don't know your name or your number. "
          + "You don't have to prove anything to get help."},
      new String[] {"en", "Emergency", "If you are in immediate danger, call 17 (police) or 112. If you can't "
          + "speak, you can send a text message to 114."},
      new String[] {"en", "Referral", "If you'd like, we can put you in touch with an association near you that "
          + "can support you with housing, health, your rights or your papers. Nothing happens without your "
          + "agreement."},
      new String[] {"en", "Closing", "Thank you for trusting us. You can write to us again whenever you like, "
          + "during our opening hours. Take care of yourself."},
      new String[] {"ro", "Bun venit", "Bună ziua, vă mulțumim că ne-ați scris. Sunt aici să vă ascult, fără să "
          + "vă judec. Îmi puteți spune orice doriți, în ritmul dumneavoastră."},
      new String[] {"ro", "Siguranță", "Sunteți în siguranță acum? Dacă cineva vă poate vedea ecranul, puteți "
          + "închide oricând această fereastră cu butonul de ieșire rapidă."},
      new String[] {"ro", "Anonimat", "Această conversație este anonimă: nu vă știm nici numele, nici numărul de "
          + "telefon. Nu trebuie să dovediți nimic ca să primiți ajutor."},
      new String[] {"ro", "Urgență", "Dacă sunteți în pericol imediat, sunați la 17 (poliția) sau la 112. Dacă nu "
          + "puteți vorbi, puteți trimite un SMS la 114."},
      new String[] {"ro", "Orientare", "Dacă doriți, vă putem pune în legătură cu o asociație din apropiere, care "
          + "vă poate ajuta cu locuința, sănătatea, drepturile sau actele. Nimic nu se face fără acordul "
          + "dumneavoastră."},
      new String[] {"ro", "Încheiere", "Vă mulțumim pentru încredere. Ne puteți scrie din nou oricând, în timpul "
          + "programului nostru. Aveți grijă de dumneavoastră."});

  private DemoReplies() {}

  /** Adds the demo replies to {@code store}. */
  public static Future<Void> seed(CannedReplyStore store) {
    return Future.all(REPLIES.stream().map(r -> store.create(new CannedReply(Ids.newId(), r[0], r[1], r[2]))).toList())
        .mapEmpty();
  }
}
