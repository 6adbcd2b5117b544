"""Documents about an evaluation that are not reports: they sit in the same folders as reports.

Written after the kinds the public record shows (municipal press releases and web pages quoting a
report's results, a council memo); the names, people and numbers are invented.
"""

from __future__ import annotations

PRESS_RELEASE = """Pressmeddelande 2014-10-01

Kommunkompassen visar att Karlskoga kommun är på rätt väg

Karlskoga kommun har utvärderats med Kommunkompassen, Sveriges Kommuner och Landstings verktyg för
att analysera kommuners sätt att arbeta. Totalt fick kommunen 487 av 800 möjliga poäng, vilket är
32 poäng högre än genomsnittet för de 40 senaste utvärderade kommunerna.

– Vi är glada över resultatet, men ser också tydliga förbättringsområden, säger kommunstyrelsens
ordförande Per Påhittad.

Resultat per område

1. Offentlighet och demokrati\t61
2. Tillgänglighet och brukarorientering\t60
3. Politisk styrning och kontroll\t66
4. Ledarskap, ansvar och delegation\t70
5. Resultat och effektivitet\t54
6. Kommunen som arbetsgivare personalpolitik\t68
7. Verksamhetsutveckling\t40
8. Kommunen som samhällsbyggare\t68
Totalt\t487

Utvärderingen visar också att Karlskoga kommun har förbättringsområden och svagheter. Det område som
pekas ut som det största förbättringsområdet är verksamhetsutveckling.

För mer information, kontakta:
Anna Exempel, kommunikationschef, 0586-610 00
"""

MEMO = """TJÄNSTESKRIVELSE
Kommunledningsförvaltningen
Dnr KS 2015/123

Till kommunstyrelsen

Redovisning av Kommunkompassen 2015

Förslag till beslut
Kommunstyrelsen noterar informationen om resultatet av Kommunkompassen 2015.

Ärendet
Sveriges Kommuner och Landsting genomförde i september 2015 en utvärdering av kommunen med
Kommunkompassen. Rapporten bifogas. Nedan sammanfattas resultatet per område.

Offentlighet och demokrati

Kommunen får 58 poäng. Styrkor är hemsidan och medborgardialogerna.

Tillgänglighet och brukarorientering

Kommunen får 62 poäng. Synpunktshanteringen lyfts fram.

Politisk styrning och kontroll

Kommunen får 55 poäng. Målstyrningen behöver utvecklas.

Ledarskap, ansvar och delegation

Kommunen får 64 poäng.

Resultat och effektivitet

Kommunen får 49 poäng.

Förvaltningen föreslår att förbättringsområdena tas om hand i verksamhetsplanen för 2016.

Lena Handläggare
Utredare
"""

WEB_PAGE = """Kommunkompassen

Startsida > Kommun och politik > Kvalitet och resultat > Kommunkompassen

Kommunkompassen är ett analysverktyg som Sveriges Kommuner och Landsting (SKL) har tagit fram för att
belysa kommunens sätt att arbeta. Grästorp har utvärderats tre gånger, senast 2014.

Sammanfattning av resultat 2014

Offentlighet och demokrati\t61
Tillgänglighet och brukarorientering\t60
Politisk styrning och kontroll\t66
Ledarskap, ansvar och delegation\t70
Resultat och effektivitet\t54
Kommunen som arbetsgivare personalpolitik\t68
Verksamhetsutveckling\t59
Kommun som samhällsbyggare\t68

Totalt fick Grästorp 506 av totalt 800 poäng.

Här kan du läsa hela rapporten: Kommunkompassen – analys av Grästorps kommun 2014 (pdf, 1,2 MB)

Sidan uppdaterades 2015-02-03
"""

NOT_REPORTS = {"pressmeddelande.txt": PRESS_RELEASE, "tjansteskrivelse.txt": MEMO, "webbsida.md": WEB_PAGE}
