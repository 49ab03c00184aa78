//! Seeded synthetic catalogues for benchmarks: the same seed and size always give the same
//! file. Entries spread over the real municipalities of the example regions, cover every
//! category, and have text lengths like the real ones (names 15–70, descriptions 80–600
//! characters, German and English).
//!
//! Two generators:
//!
//! - [`catalogue`]: the example regions only (Südwestfalen, Münsterland, Landkreis Harz);
//!   categories uniformly mixed. The benchmarks use it; its output must not change.
//! - [`nationwide`]: all of Germany, 401 districts, categories in the shares of a real
//!   nationwide health-economy catalogue ([`NATIONWIDE_SHARES`]), entries per district by
//!   population.
//!
//! What [`nationwide`] takes from real data and what it makes up:
//!
//! | | real | synthetic |
//! |---|---|---|
//! | district keys (AGS), names, population, area | all 401 (Destatis 2018, via the npm package `landkreise-deutschland` 3.0.0, CC-BY-4.0, see `KREISE`); the 60 gazetteer districts are named as the gazetteer names them | – |
//! | municipalities (keys, names, centres) | those of the 60 districts in the shared gazetteer (`ankommen_sheet::gazetteer`, Destatis GV-ISys 2021) | none are invented: entries elsewhere have no `municipality` |
//! | positions | entries in the 60 gazetteer districts: a municipality's centre ± up to about 2 km | the other 341 districts: a point inside an approximate box of their Land (`LAENDER`) and a few spots around it; roughly in the right Land, not where the district really is |
//! | entries | – | all: names, texts, professions, tags, dates, contacts, amounts |

use ankommen_core::{Category, Kind, Profession};
use ankommen_sheet::gazetteer::{gazetteer, Place};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The districts of the example catalogue (Südwestfalen, Münsterland, Landkreis Harz).
const DISTRICTS: &[&str] = &[
    "05515", "05554", "05558", "05566", "05570", "05958", "05962", "05966", "05970", "05974",
    "15085",
];

const WORDS: &[&str] = &[
    "Pflege",
    "Versorgung",
    "Klinik",
    "Team",
    "Ausbildung",
    "Familie",
    "Region",
    "Zukunft",
    "Praxis",
    "Beratung",
    "Unterstützung",
    "Wohnen",
    "Kinder",
    "Schicht",
    "Gesundheit",
    "Medizin",
    "Therapie",
    "Station",
    "Landarzt",
    "Weiterbildung",
    "Mentoring",
    "Bürgerbus",
    "Willkommen",
    "Netzwerk",
    "ambulant",
    "stationär",
    "modern",
    "ländlich",
    "flexibel",
    "digital",
    "zentral",
    "neu",
];
const WORDS_EN: &[&str] = &[
    "care",
    "nursing",
    "clinic",
    "team",
    "training",
    "family",
    "region",
    "future",
    "practice",
    "advice",
    "support",
    "housing",
    "children",
    "shift",
    "health",
    "medicine",
    "therapy",
    "ward",
    "rural",
    "doctor",
    "mentoring",
    "community",
    "welcome",
    "network",
    "modern",
    "flexible",
];

/// splitmix64: tiny, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index into the running sums `cumulative` (the last is the total), with probability
    /// proportional to each step.
    fn weighted(&mut self, cumulative: &[u64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0).max(1);
        let x = self.next() % total;
        cumulative.partition_point(|&c| c <= x)
    }

    fn sentence(&mut self, words: &[&str], min: usize, max: usize) -> String {
        let target = min + self.below(max - min);
        let mut text = String::new();
        while text.chars().count() < target {
            if !text.is_empty() {
                text.push(' ');
            }
            let word: &str = words[self.below(words.len())];
            text.push_str(word);
        }
        text
    }
}

/// A catalogue of `entries` entries in format 1.0; the same seed gives the same document.
pub fn catalogue(entries: usize, seed: u64) -> Value {
    let g = gazetteer();
    let mut places: Vec<&Place> = DISTRICTS
        .iter()
        .flat_map(|d| g.municipalities_in(d))
        .collect();
    places.sort_by(|a, b| a.key.cmp(&b.key));
    let mut rng = Rng(seed);
    let items: Vec<Value> = (0..entries)
        .map(|i| {
            let place = *rng.pick(&places);
            let category = *rng.pick(Category::ALL);
            let kind = category.kind();
            let professions: Vec<&str> = Profession::ALL
                .iter()
                .filter(|_| rng.below(3) == 0)
                .map(|p| p.as_str())
                .collect();
            let mut entry = json!({
                "id": format!("gen-{i}"),
                "kind": kind.as_str(),
                "category": category.as_str(),
                "name": {
                    "de": format!("{} {}", rng.sentence(WORDS, 10, 55), place.name),
                    "en": rng.sentence(WORDS_EN, 15, 60),
                },
                "description": {
                    "de": rng.sentence(WORDS, 80, 600),
                    "en": rng.sentence(WORDS_EN, 80, 500),
                },
                "professions": professions,
                "district": &place.key[..5],
                "municipality": place.key,
                "location": {
                    "lat": place.location.lat + (rng.unit() - 0.5) * 0.04,
                    "lon": place.location.lon + (rng.unit() - 0.5) * 0.06,
                },
                "tags": [rng.pick(WORDS), rng.pick(WORDS)],
                "source": {"name": "Generator", "checked": "2026-11-01"},
            });
            if kind == ankommen_core::Kind::Event {
                entry["event"] = json!({"start": format!("2027-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))});
            }
            entry
        })
        .collect();
    let (mut south, mut west, mut north, mut east) = (90.0f64, 180.0f64, -90.0f64, -180.0f64);
    for p in &places {
        south = south.min(p.location.lat);
        north = north.max(p.location.lat);
        west = west.min(p.location.lon);
        east = east.max(p.location.lon);
    }
    let districts: serde_json::Map<String, Value> = DISTRICTS
        .iter()
        .map(|d| (d.to_string(), json!(g.district_name(d).unwrap_or(d))))
        .collect();
    json!({
        "format": "1.0",
        "updated": "2026-11-24",
        "region": {
            "name": {"de": format!("Generierter Katalog ({entries} Einträge)"), "en": format!("Generated catalogue ({entries} entries)")},
            "bounds": {"south": south - 0.1, "west": west - 0.1, "north": north + 0.1, "east": east + 0.1},
            "center": {"lat": (south + north) / 2.0, "lon": (west + east) / 2.0},
            "districts": districts,
        },
        "entries": items,
    })
}

// ---------------------------------------------------------------------------------------------
// Nationwide catalogue
// ---------------------------------------------------------------------------------------------

/// Germany's 401 districts (Kreise, kreisfreie Städte) as of 31.12.2018: key (AGS), type, name,
/// population and area in km².
///
/// Source: the npm package `landkreise-deutschland` 3.0.0 by Alexander Wunschik
/// (<https://github.com/mojoaxel/landkreise-deutschland>), licence **CC-BY-4.0**, file
/// `data/districts.json`, itself made from Destatis' "04-kreise" table of the Gemeindeverzeichnis
/// GV-ISys (© Statistisches Bundesamt, Stand 31.12.2018). Changes: columns selected (NUTS3 and
/// the male/female/density columns dropped), rows sorted by key, keys written with 5 digits.
/// 2018 still has 16056 Eisenach, which the shared gazetteer has too (merged into the
/// Wartburgkreis in 2021), so there are 401 rows rather than today's 400.
const KREISE: &str = "\
01001;Kreisfreie Stadt;Flensburg, Stadt;89504;56.73
01002;Kreisfreie Stadt;Kiel, Landeshauptstadt;247548;118.65
01003;Kreisfreie Stadt;Lübeck, Hansestadt;217198;214.19
01004;Kreisfreie Stadt;Neumünster, Stadt;79487;71.66
01051;Kreis;Dithmarschen;133210;1428.17
01053;Kreis;Herzogtum Lauenburg;197264;1263.07
01054;Kreis;Nordfriesland;165507;2083.55
01055;Kreis;Ostholstein;200581;1393.02
01056;Kreis;Pinneberg;314391;664.25
01057;Kreis;Plön;128647;1083.56
01058;Kreis;Rendsburg-Eckernförde;272775;2189.79
01059;Kreis;Schleswig-Flensburg;200025;2071.28
01060;Kreis;Segeberg;276032;1344.47
01061;Kreis;Steinburg;131347;1055.7
01062;Kreis;Stormarn;243196;766.21
02000;Kreisfreie Stadt;Hamburg, Freie und Hansestadt;1841179;755.09
03101;Kreisfreie Stadt;Braunschweig, Stadt;248292;192.7
03102;Kreisfreie Stadt;Salzgitter, Stadt;104948;224.49
03103;Kreisfreie Stadt;Wolfsburg, Stadt;124151;204.61
03151;Landkreis;Gifhorn;175920;1567.45
03153;Landkreis;Goslar;137014;966.72
03154;Landkreis;Helmstedt;91307;676.15
03155;Landkreis;Northeim;132765;1268.76
03157;Landkreis;Peine;133965;536.5
03158;Landkreis;Wolfenbüttel;119960;724.3
03159;Landkreis;Göttingen;328074;1755.41
03241;Landkreis;Region Hannover;1157624;2297.13
03251;Landkreis;Diepholz;216886;1991.01
03252;Landkreis;Hameln-Pyrmont;148559;797.54
03254;Landkreis;Hildesheim;276594;1208.33
03255;Landkreis;Holzminden;70975;694.27
03256;Landkreis;Nienburg (Weser);121386;1400.82
03257;Landkreis;Schaumburg;157781;675.65
03351;Landkreis;Celle;178936;1550.82
03352;Landkreis;Cuxhaven;198213;2058.96
03353;Landkreis;Harburg;252776;1248.45
03354;Landkreis;Lüchow-Dannenberg;48424;1227.16
03355;Landkreis;Lüneburg;183372;1327.8
03356;Landkreis;Osterholz;113517;652.67
03357;Landkreis;Rotenburg (Wümme);163455;2074.78
03358;Landkreis;Heidekreis;139755;1881.45
03359;Landkreis;Stade;203102;1267.38
03360;Landkreis;Uelzen;92572;1462.59
03361;Landkreis;Verden;136792;789.33
03401;Kreisfreie Stadt;Delmenhorst, Stadt;77607;62.45
03402;Kreisfreie Stadt;Emden, Stadt;50195;112.34
03403;Kreisfreie Stadt;Oldenburg (Oldenburg), Stadt;168210;103.09
03404;Kreisfreie Stadt;Osnabrück, Stadt;164748;119.8
03405;Kreisfreie Stadt;Wilhelmshaven, Stadt;76278;107.07
03451;Landkreis;Ammerland;124071;730.64
03452;Landkreis;Aurich;189848;1287.35
03453;Landkreis;Cloppenburg;169348;1420.35
03454;Landkreis;Emsland;325657;2883.66
03455;Landkreis;Friesland;98460;609.53
03456;Landkreis;Grafschaft Bentheim;136511;981.79
03457;Landkreis;Leer;169809;1085.72
03458;Landkreis;Oldenburg;130144;1064.84
03459;Landkreis;Osnabrück;357343;2121.81
03460;Landkreis;Vechta;141598;814.2
03461;Landkreis;Wesermarsch;88624;824.78
03462;Landkreis;Wittmund;56882;656.86
04011;Kreisfreie Stadt;Bremen, Stadt;569352;317.83
04012;Kreisfreie Stadt;Bremerhaven, Stadt;113634;101.53
05111;Kreisfreie Stadt;Düsseldorf, Stadt;619294;217.41
05112;Kreisfreie Stadt;Duisburg, Stadt;498590;232.8
05113;Kreisfreie Stadt;Essen, Stadt;583109;210.34
05114;Kreisfreie Stadt;Krefeld, Stadt;227020;137.77
05116;Kreisfreie Stadt;Mönchengladbach, Stadt;261454;170.47
05117;Kreisfreie Stadt;Mülheim an der Ruhr, Stadt;170880;91.28
05119;Kreisfreie Stadt;Oberhausen, Stadt;210829;77.09
05120;Kreisfreie Stadt;Remscheid, Stadt;110994;74.52
05122;Kreisfreie Stadt;Solingen, Klingenstadt;159360;89.54
05124;Kreisfreie Stadt;Wuppertal, Stadt;354382;168.39
05154;Kreis;Kleve;310974;1232.99
05158;Kreis;Mettmann;485684;407.22
05162;Kreis;Rhein-Kreis Neuss;451007;576.28
05166;Kreis;Viersen;298935;563.28
05170;Kreis;Wesel;459809;1042.8
05314;Kreisfreie Stadt;Bonn, Stadt;327258;141.06
05315;Kreisfreie Stadt;Köln, Stadt;1085664;405.01
05316;Kreisfreie Stadt;Leverkusen, Stadt;163838;78.87
05334;Kreis;Städteregion Aachen;555465;706.91
05358;Kreis;Düren;263722;941.49
05362;Kreis;Rhein-Erft-Kreis;470089;704.71
05366;Kreis;Euskirchen;192840;1248.73
05370;Kreis;Heinsberg;254322;627.91
05374;Kreis;Oberbergischer Kreis;272471;918.85
05378;Kreis;Rheinisch-Bergischer Kreis;283455;437.32
05382;Kreis;Rhein-Sieg-Kreis;599780;1153.2
05512;Kreisfreie Stadt;Bottrop, Stadt;117383;100.61
05513;Kreisfreie Stadt;Gelsenkirchen, Stadt;260654;104.94
05515;Kreisfreie Stadt;Münster, Stadt;314319;303.28
05554;Kreis;Borken;370676;1420.98
05558;Kreis;Coesfeld;219929;1112.05
05562;Kreis;Recklinghausen;615261;761.31
05566;Kreis;Steinfurt;447614;1795.76
05570;Kreis;Warendorf;277783;1319.42
05711;Kreisfreie Stadt;Bielefeld, Stadt;333786;258.83
05754;Kreis;Gütersloh;364083;969.21
05758;Kreis;Herford;250783;450.41
05762;Kreis;Höxter;140667;1201.42
05766;Kreis;Lippe;348391;1246.22
05770;Kreis;Minden-Lübbecke;310710;1152.41
05774;Kreis;Paderborn;306890;1246.8
05911;Kreisfreie Stadt;Bochum, Stadt;364628;145.66
05913;Kreisfreie Stadt;Dortmund, Stadt;587010;280.71
05914;Kreisfreie Stadt;Hagen, Stadt der FernUniversität;188814;160.45
05915;Kreisfreie Stadt;Hamm, Stadt;179111;226.43
05916;Kreisfreie Stadt;Herne, Stadt;156374;51.42
05954;Kreis;Ennepe-Ruhr-Kreis;324296;409.64
05958;Kreis;Hochsauerlandkreis;260475;1960.17
05962;Kreis;Märkischer Kreis;412120;1061.06
05966;Kreis;Olpe;134775;712.14
05970;Kreis;Siegen-Wittgenstein;278210;1132.89
05974;Kreis;Soest;301902;1328.64
05978;Kreis;Unna;394782;543.21
06411;Kreisfreie Stadt;Darmstadt, Wissenschaftsstadt;159207;122.07
06412;Kreisfreie Stadt;Frankfurt am Main, Stadt;753056;248.31
06413;Kreisfreie Stadt;Offenbach am Main, Stadt;128744;44.88
06414;Kreisfreie Stadt;Wiesbaden, Landeshauptstadt;278342;203.87
06431;Landkreis;Bergstraße;269694;719.47
06432;Landkreis;Darmstadt-Dieburg;297399;658.64
06433;Landkreis;Groß-Gerau;274526;453.03
06434;Landkreis;Hochtaunuskreis;236564;481.84
06435;Landkreis;Main-Kinzig-Kreis;418950;1397.32
06436;Landkreis;Main-Taunus-Kreis;237735;222.53
06437;Landkreis;Odenwaldkreis;96798;623.97
06438;Landkreis;Offenbach;354092;356.24
06439;Landkreis;Rheingau-Taunus-Kreis;187157;811.41
06440;Landkreis;Wetteraukreis;306460;1100.66
06531;Landkreis;Gießen;268876;854.56
06532;Landkreis;Lahn-Dill-Kreis;253777;1066.3
06533;Landkreis;Limburg-Weilburg;172083;738.44
06534;Landkreis;Marburg-Biedenkopf;246648;1262.37
06535;Landkreis;Vogelsbergkreis;105878;1458.91
06611;Kreisfreie Stadt;Kassel, documenta-Stadt;201585;106.8
06631;Landkreis;Fulda;222584;1380.41
06632;Landkreis;Hersfeld-Rotenburg;120829;1097.75
06633;Landkreis;Kassel;236633;1293.35
06634;Landkreis;Schwalm-Eder-Kreis;180222;1539.01
06635;Landkreis;Waldeck-Frankenberg;156953;1848.7
06636;Landkreis;Werra-Meißner-Kreis;101017;1024.83
07111;Kreisfreie Stadt;Koblenz, kreisfreie Stadt;114024;105.25
07131;Landkreis;Ahrweiler;129727;787.02
07132;Landkreis;Altenkirchen (Westerwald);128705;642.38
07133;Landkreis;Bad Kreuznach;158080;863.89
07134;Landkreis;Birkenfeld;80720;776.83
07135;Landkreis;Cochem-Zell;61587;692.43
07137;Landkreis;Mayen-Koblenz;214259;817.73
07138;Landkreis;Neuwied;181941;627.06
07140;Landkreis;Rhein-Hunsrück-Kreis;102937;991.06
07141;Landkreis;Rhein-Lahn-Kreis;122308;782.24
07143;Landkreis;Westerwaldkreis;201597;989.04
07211;Kreisfreie Stadt;Trier, kreisfreie Stadt;110636;117.06
07231;Landkreis;Bernkastel-Wittlich;112262;1167.92
07232;Landkreis;Eifelkreis Bitburg-Prüm;98561;1626.95
07233;Landkreis;Vulkaneifel;60603;911.64
07235;Landkreis;Trier-Saarburg;148945;1102.26
07311;Kreisfreie Stadt;Frankenthal (Pfalz), kreisfreie Stadt;48561;43.88
07312;Kreisfreie Stadt;Kaiserslautern, kreisfreie Stadt;99845;139.7
07313;Kreisfreie Stadt;Landau in der Pfalz, kreisfreie Stadt;46677;82.94
07314;Kreisfreie Stadt;Ludwigshafen am Rhein, kreisfreie Stadt;171061;77.43
07315;Kreisfreie Stadt;Mainz, kreisfreie Stadt;217118;97.73
07316;Kreisfreie Stadt;Neustadt an der Weinstraße, kreisfreie Stadt;53148;117.09
07317;Kreisfreie Stadt;Pirmasens, kreisfreie Stadt;40403;61.36
07318;Kreisfreie Stadt;Speyer, kreisfreie Stadt;50378;42.71
07319;Kreisfreie Stadt;Worms, kreisfreie Stadt;83330;108.73
07320;Kreisfreie Stadt;Zweibrücken, kreisfreie Stadt;34209;70.64
07331;Landkreis;Alzey-Worms;129244;588.07
07332;Landkreis;Bad Dürkheim;132660;594.64
07333;Landkreis;Donnersbergkreis;75101;645.41
07334;Landkreis;Germersheim;129075;463.32
07335;Landkreis;Kaiserslautern;106057;640
07336;Landkreis;Kusel;70526;573.61
07337;Landkreis;Südliche Weinstraße;110356;639.93
07338;Landkreis;Rhein-Pfalz-Kreis;154201;304.99
07339;Landkreis;Mainz-Bingen;210889;605.36
07340;Landkreis;Südwestpfalz;95113;953.52
08111;Stadtkreis;Stuttgart;634830;207.33
08115;Landkreis;Böblingen;391640;617.76
08116;Landkreis;Esslingen;533859;641.28
08117;Landkreis;Göppingen;257253;642.34
08118;Landkreis;Ludwigsburg;543984;686.77
08119;Landkreis;Rems-Murr-Kreis;426158;858.08
08121;Stadtkreis;Heilbronn;125960;99.89
08125;Landkreis;Heilbronn;343068;1099.91
08126;Landkreis;Hohenlohekreis;112010;776.76
08127;Landkreis;Schwäbisch Hall;195861;1484.07
08128;Landkreis;Main-Tauber-Kreis;132321;1304.12
08135;Landkreis;Heidenheim;132472;627.13
08136;Landkreis;Ostalbkreis;314002;1511.39
08211;Stadtkreis;Baden-Baden;55123;140.19
08212;Stadtkreis;Karlsruhe;313092;173.42
08215;Landkreis;Karlsruhe;444232;1085.29
08216;Landkreis;Rastatt;231018;738.43
08221;Stadtkreis;Heidelberg;160355;108.83
08222;Stadtkreis;Mannheim;309370;144.97
08225;Landkreis;Neckar-Odenwald-Kreis;143535;1125.95
08226;Landkreis;Rhein-Neckar-Kreis;547625;1061.55
08231;Stadtkreis;Pforzheim;125542;97.99
08235;Landkreis;Calw;158397;797.29
08236;Landkreis;Enzkreis;198905;573.6
08237;Landkreis;Freudenstadt;117935;870.4
08311;Stadtkreis;Freiburg im Breisgau;230241;153.04
08315;Landkreis;Breisgau-Hochschwarzwald;262795;1378.32
08316;Landkreis;Emmendingen;165383;679.8
08317;Landkreis;Ortenaukreis;429479;1860.29
08325;Landkreis;Rottweil;139455;769.42
08326;Landkreis;Schwarzwald-Baar-Kreis;212381;1025.34
08327;Landkreis;Tuttlingen;140152;734.38
08335;Landkreis;Konstanz;285325;817.98
08336;Landkreis;Lörrach;228639;806.72
08337;Landkreis;Waldshut;170619;1131.14
08415;Landkreis;Reutlingen;286748;1092.48
08416;Landkreis;Tübingen;227331;519.11
08417;Landkreis;Zollernalbkreis;188935;917.58
08421;Stadtkreis;Ulm;126329;118.68
08425;Landkreis;Alb-Donau-Kreis;196047;1358.55
08426;Landkreis;Biberach;199742;1409.52
08435;Landkreis;Bodenseekreis;216227;664.8
08436;Landkreis;Ravensburg;284285;1632.08
08437;Landkreis;Sigmaringen;130873;1204.23
09161;Kreisfreie Stadt;Ingolstadt;136981;133.35
09162;Kreisfreie Stadt;München, Landeshauptstadt;1471508;310.7
09163;Kreisfreie Stadt;Rosenheim;63324;37.22
09171;Landkreis;Altötting;111210;569.28
09172;Landkreis;Berchtesgadener Land;105722;839.82
09173;Landkreis;Bad Tölz-Wolfratshausen;127227;1110.66
09174;Landkreis;Dachau;153884;579.16
09175;Landkreis;Ebersberg;142142;549.39
09176;Landkreis;Eichstätt;132341;1213.85
09177;Landkreis;Erding;137660;870.74
09178;Landkreis;Freising;179116;799.85
09179;Landkreis;Fürstenfeldbruck;219320;434.8
09180;Landkreis;Garmisch-Partenkirchen;88467;1012.17
09181;Landkreis;Landsberg am Lech;120071;804.36
09182;Landkreis;Miesbach;99726;866.22
09183;Landkreis;Mühldorf a.Inn;115250;805.33
09184;Landkreis;München;348871;664.25
09185;Landkreis;Neuburg-Schrobenhausen;96680;739.71
09186;Landkreis;Pfaffenhofen a.d.Ilm;127151;761.05
09187;Landkreis;Rosenheim;260983;1439.44
09188;Landkreis;Starnberg;136092;487.72
09189;Landkreis;Traunstein;177089;1533.76
09190;Landkreis;Weilheim-Schongau;135348;966.28
09261;Kreisfreie Stadt;Landshut;72404;65.83
09262;Kreisfreie Stadt;Passau;52469;69.56
09263;Kreisfreie Stadt;Straubing;47794;67.59
09271;Landkreis;Deggendorf;119326;861.17
09272;Landkreis;Freyung-Grafenau;78355;983.85
09273;Landkreis;Kelheim;122258;1065.13
09274;Landkreis;Landshut;158698;1347.56
09275;Landkreis;Passau;192043;1530.09
09276;Landkreis;Regen;77656;974.78
09277;Landkreis;Rottal-Inn;120659;1281.2
09278;Landkreis;Straubing-Bogen;100649;1201.61
09279;Landkreis;Dingolfing-Landau;96217;877.58
09361;Kreisfreie Stadt;Amberg;41970;50.13
09362;Kreisfreie Stadt;Regensburg;152610;80.86
09363;Kreisfreie Stadt;Weiden i.d.OPf.;42520;70.57
09371;Landkreis;Amberg-Sulzbach;103109;1255.86
09372;Landkreis;Cham;127882;1526.82
09373;Landkreis;Neumarkt i.d.OPf.;133561;1343.96
09374;Landkreis;Neustadt a.d.Waldnaab;94352;1427.69
09375;Landkreis;Regensburg;193572;1391.65
09376;Landkreis;Schwandorf;147189;1458.34
09377;Landkreis;Tirschenreuth;72504;1084.25
09461;Kreisfreie Stadt;Bamberg;77592;54.62
09462;Kreisfreie Stadt;Bayreuth;74657;66.89
09463;Kreisfreie Stadt;Coburg;41249;48.29
09464;Kreisfreie Stadt;Hof;45930;58.02
09471;Landkreis;Bamberg;147086;1167.79
09472;Landkreis;Bayreuth;103656;1273.62
09473;Landkreis;Coburg;86906;590.42
09474;Landkreis;Forchheim;116099;642.82
09475;Landkreis;Hof;95311;892.52
09476;Landkreis;Kronach;67135;651.49
09477;Landkreis;Kulmbach;71845;658.33
09478;Landkreis;Lichtenfels;66838;519.94
09479;Landkreis;Wunsiedel i.Fichtelgebirge;73178;606.37
09561;Kreisfreie Stadt;Ansbach;41847;99.91
09562;Kreisfreie Stadt;Erlangen;111962;76.96
09563;Kreisfreie Stadt;Fürth;127748;63.35
09564;Kreisfreie Stadt;Nürnberg;518365;186.45
09565;Kreisfreie Stadt;Schwabach;40792;40.8
09571;Landkreis;Ansbach;183949;1971.33
09572;Landkreis;Erlangen-Höchstadt;136271;564.56
09573;Landkreis;Fürth;117387;307.44
09574;Landkreis;Nürnberger Land;170365;799.51
09575;Landkreis;Neustadt a.d.Aisch-Bad Windsheim;100364;1267.44
09576;Landkreis;Roth;126958;895.16
09577;Landkreis;Weißenburg-Gunzenhausen;94393;970.78
09661;Kreisfreie Stadt;Aschaffenburg;70527;62.45
09662;Kreisfreie Stadt;Schweinfurt;54032;35.7
09663;Kreisfreie Stadt;Würzburg;127880;87.6
09671;Landkreis;Aschaffenburg;174208;698.9
09672;Landkreis;Bad Kissingen;103218;1136.9
09673;Landkreis;Rhön-Grabfeld;79690;1021.68
09674;Landkreis;Haßberge;84599;956.19
09675;Landkreis;Kitzingen;90909;684.14
09676;Landkreis;Miltenberg;128756;715.58
09677;Landkreis;Main-Spessart;126365;1321.2
09678;Landkreis;Schweinfurt;115106;841.39
09679;Landkreis;Würzburg;161834;968.35
09761;Kreisfreie Stadt;Augsburg;295135;146.85
09762;Kreisfreie Stadt;Kaufbeuren;43893;40.02
09763;Kreisfreie Stadt;Kempten (Allgäu);68907;63.28
09764;Kreisfreie Stadt;Memmingen;43837;70.11
09771;Landkreis;Aichach-Friedberg;133596;780.23
09772;Landkreis;Augsburg;251534;1070.64
09773;Landkreis;Dillingen a.d.Donau;96021;792.23
09774;Landkreis;Günzburg;125747;762.4
09775;Landkreis;Neu-Ulm;174200;515.84
09776;Landkreis;Lindau (Bodensee);81669;323.39
09777;Landkreis;Ostallgäu;140316;1394.43
09778;Landkreis;Unterallgäu;144041;1229.57
09779;Landkreis;Donau-Ries;133496;1274.58
09780;Landkreis;Oberallgäu;155362;1527.96
10041;Regionalverband;Regionalverband Saarbrücken;329708;410.95
10042;Landkreis;Merzig-Wadern;103366;556.66
10043;Landkreis;Neunkirchen;132206;249.8
10044;Landkreis;Saarlouis;195201;459.35
10045;Landkreis;Saarpfalz-Kreis;142631;418.28
10046;Landkreis;St. Wendel;87397;476.07
11000;Kreisfreie Stadt;Berlin, Stadt;3644826;891.12
12051;Kreisfreie Stadt;Brandenburg an der Havel, Stadt;72124;229.71
12052;Kreisfreie Stadt;Cottbus, Stadt;100219;165.63
12053;Kreisfreie Stadt;Frankfurt (Oder), Stadt;57873;147.85
12054;Kreisfreie Stadt;Potsdam, Stadt;178089;188.25
12060;Landkreis;Barnim;182760;1479.61
12061;Landkreis;Dahme-Spreewald;169067;2274.53
12062;Landkreis;Elbe-Elster;102638;1899.16
12063;Landkreis;Havelland;161909;1727.31
12064;Landkreis;Märkisch-Oderland;194328;2158.65
12065;Landkreis;Oberhavel;211249;1808.17
12066;Landkreis;Oberspreewald-Lausitz;110476;1223.46
12067;Landkreis;Oder-Spree;178658;2256.75
12068;Landkreis;Ostprignitz-Ruppin;99078;2526.55
12069;Landkreis;Potsdam-Mittelmark;214664;2592.06
12070;Landkreis;Prignitz;76508;2138.58
12071;Landkreis;Spree-Neiße;114429;1656.98
12072;Landkreis;Teltow-Fläming;168296;2104.22
12073;Landkreis;Uckermark;119552;3077.01
13003;Kreisfreie Stadt;Rostock;208886;181.36
13004;Kreisfreie Stadt;Schwerin;95818;130.52
13071;Landkreis;Mecklenburgische Seenplatte;259130;5495.6
13072;Landkreis;Landkreis Rostock;215113;3431.29
13073;Landkreis;Vorpommern-Rügen;224684;3215.41
13074;Landkreis;Nordwestmecklenburg;156729;2127.08
13075;Landkreis;Vorpommern-Greifswald;236697;3945.56
13076;Landkreis;Ludwigslust-Parchim;212618;4766.79
14511;Kreisfreie Stadt;Chemnitz, Stadt;247237;221.05
14521;Landkreis;Erzgebirgskreis;337696;1827.91
14522;Landkreis;Mittelsachsen;306185;2116.85
14523;Landkreis;Vogtlandkreis;227796;1412.42
14524;Landkreis;Zwickau;317531;949.78
14612;Kreisfreie Stadt;Dresden, Stadt;554649;328.48
14625;Landkreis;Bautzen;300880;2395.61
14626;Landkreis;Görlitz;254894;2111.41
14627;Landkreis;Meißen;242165;1454.59
14628;Landkreis;Sächsische Schweiz-Osterzgebirge;245611;1654.19
14713;Kreisfreie Stadt;Leipzig, Stadt;587857;297.8
14729;Landkreis;Leipzig;257763;1651.3
14730;Landkreis;Nordsachsen;197673;2028.56
15001;Kreisfreie Stadt;Dessau-Roßlau, Stadt;81237;244.71
15002;Kreisfreie Stadt;Halle (Saale), Stadt;239257;135.03
15003;Kreisfreie Stadt;Magdeburg, Landeshauptstadt;238697;201.01
15081;Landkreis;Altmarkkreis Salzwedel;83765;2293.36
15082;Landkreis;Anhalt-Bitterfeld;159854;1453.82
15083;Landkreis;Börde;171734;2366.91
15084;Landkreis;Burgenlandkreis;180190;1413.75
15085;Landkreis;Harz;214446;2104.72
15086;Landkreis;Jerichower Land;89928;1576.94
15087;Landkreis;Mansfeld-Südharz;136249;1448.92
15088;Landkreis;Saalekreis;184582;1433.91
15089;Landkreis;Salzlandkreis;190560;1427.33
15090;Landkreis;Stendal;111982;2423.42
15091;Landkreis;Wittenberg;125840;1930.48
16051;Kreisfreie Stadt;Erfurt, Stadt;213699;269.91
16052;Kreisfreie Stadt;Gera, Stadt;94152;152.18
16053;Kreisfreie Stadt;Jena, Stadt;111407;114.77
16054;Kreisfreie Stadt;Suhl, Stadt;34835;103.03
16055;Kreisfreie Stadt;Weimar, Stadt;65090;84.48
16056;Kreisfreie Stadt;Eisenach, Stadt;42370;104.17
16061;Landkreis;Eichsfeld;100380;943.07
16062;Landkreis;Nordhausen;83822;713.9
16063;Landkreis;Wartburgkreis;123025;1307.44
16064;Landkreis;Unstrut-Hainich-Kreis;102912;979.69
16065;Landkreis;Kyffhäuserkreis;75009;1037.91
16066;Landkreis;Schmalkalden-Meiningen;122347;1210.73
16067;Landkreis;Gotha;135452;936.08
16068;Landkreis;Sömmerda;69655;806.86
16069;Landkreis;Hildburghausen;63553;938.42
16070;Landkreis;Ilm-Kreis;108742;843.71
16071;Landkreis;Weimarer Land;81947;804.48
16072;Landkreis;Sonneberg;56196;433.61
16073;Landkreis;Saalfeld-Rudolstadt;106356;1036.03
16074;Landkreis;Saale-Holzland-Kreis;83051;815.24
16075;Landkreis;Saale-Orla-Kreis;80868;1151.3
16076;Landkreis;Greiz;98159;845.98
16077;Landkreis;Altenburger Land;90118;569.4
";

/// Approximate bounding boxes of the Länder (south, west, north, east in degrees, WGS84),
/// rounded by hand from general knowledge of the map; good to about ±0.2°. Only used to place
/// the districts that the gazetteer has no municipalities for.
const LAENDER: &[(&str, [f64; 4])] = &[
    ("01", [53.40, 8.40, 54.85, 11.20]),  // Schleswig-Holstein
    ("02", [53.45, 9.80, 53.70, 10.25]),  // Hamburg
    ("03", [51.35, 6.70, 53.85, 11.55]),  // Niedersachsen
    ("04", [53.03, 8.55, 53.58, 8.95]),   // Bremen
    ("05", [50.40, 6.00, 52.45, 9.40]),   // Nordrhein-Westfalen
    ("06", [49.45, 7.85, 51.60, 10.15]),  // Hessen
    ("07", [49.05, 6.20, 50.90, 8.45]),   // Rheinland-Pfalz
    ("08", [47.60, 7.60, 49.75, 10.40]),  // Baden-Württemberg
    ("09", [47.40, 9.10, 50.50, 13.70]),  // Bayern
    ("10", [49.15, 6.40, 49.60, 7.35]),   // Saarland
    ("11", [52.40, 13.15, 52.65, 13.70]), // Berlin
    ("12", [51.40, 11.35, 53.50, 14.70]), // Brandenburg
    ("13", [53.15, 10.65, 54.65, 14.35]), // Mecklenburg-Vorpommern
    ("14", [50.20, 11.90, 51.65, 15.00]), // Sachsen
    ("15", [51.00, 10.60, 53.05, 13.20]), // Sachsen-Anhalt
    ("16", [50.25, 9.90, 51.60, 12.60]),  // Thüringen
];

/// Kilometres per degree of latitude, and the share of that a degree of longitude has at
/// Germany's middle latitude (cos 51° ≈ 0.63). A constant rather than `cos`, so the output does
/// not depend on a platform's maths library.
const KM_PER_DEGREE: f64 = 111.2;
const LON_SCALE: f64 = 0.63;

/// Shares of the categories in [`nationwide`], per 100,000 entries (they add up to 100,000).
///
/// The employers follow the order of magnitude of the real German counts, all scaled by the same
/// factor 0.46: about 100,000 medical practices incl. MVZ (KBV statistics), 40,000 therapy
/// practices (physio-, ergo-, speech therapy and podiatry with statutory-insurance admission),
/// 17,000 pharmacies (ABDA), 16,000 care homes and 15,000 home care services (Destatis,
/// Pflegestatistik), 1,900 hospitals and 1,100 preventive-care and rehabilitation clinics
/// (Destatis, Krankenhausstatistik). These are rounded, commonly published magnitudes of the
/// 2021–2024 statistics, not figures re-checked for this generator. Together they are 87.9 %.
///
/// The other 12.1 % are a judgement, not a statistic: open positions are the largest group
/// (jobs 5.5 %, practice takeovers, training), support offers, contacts and events are rarer.
/// [`nationwide`] adds one service point per district on top of these shares (see there).
pub const NATIONWIDE_SHARES: &[(Category, u32)] = &[
    // Employers: 87,880
    (Category::MedicalPractice, 46_000),
    (Category::TherapyPractice, 18_400),
    (Category::Pharmacy, 7_800),
    (Category::CareHome, 7_400),
    (Category::CareService, 6_900),
    (Category::Hospital, 870),
    (Category::RehabClinic, 510),
    // Opportunities: 9,050
    (Category::Job, 5_500),
    (Category::PracticeTakeover, 900),
    (Category::PracticePremises, 350),
    (Category::ClinicalElective, 300),
    (Category::PracticalYear, 250),
    (Category::SpecialistTraining, 700),
    (Category::Apprenticeship, 900),
    (Category::GapYear, 150),
    // Support: 1,630
    (Category::Childcare, 350),
    (Category::Housing, 300),
    (Category::Mobility, 200),
    (Category::Mentoring, 200),
    (Category::WelcomeCentre, 150),
    (Category::RelocationPackage, 80),
    (Category::Funding, 350),
    // Contacts: 900
    (Category::ServicePoint, 500),
    (Category::Network, 400),
    // Events: 540
    (Category::JobFair, 200),
    (Category::ActionDay, 170),
    (Category::Conference, 170),
];

/// A place entries are put at: a real municipality of the gazetteer, or a synthetic spot.
struct Spot {
    /// The 8-digit key; `None` for a synthetic spot.
    municipality: Option<String>,
    name: String,
    lat: f64,
    lon: f64,
}

struct District {
    key: String,
    name: String,
    population: u64,
    spots: Vec<Spot>,
}

/// One row of `KREISE`: key, type, name, population, area.
#[derive(Clone, Copy)]
struct Kreis<'a> {
    key: &'a str,
    kind: &'a str,
    name: &'a str,
    population: u64,
    area_km2: f64,
}

fn kreise() -> impl Iterator<Item = Kreis<'static>> {
    KREISE.lines().filter(|l| !l.is_empty()).map(|line| {
        let mut f = line.split(';');
        let mut next = || f.next().expect("five columns");
        Kreis {
            key: next(),
            kind: next(),
            name: next(),
            population: next().parse().expect("population"),
            area_km2: next().parse().expect("area"),
        }
    })
}

impl Kreis<'_> {
    /// "Flensburg" from "Flensburg, Stadt".
    fn short_name(&self) -> &str {
        self.name.split(',').next().unwrap_or(self.name).trim()
    }

    /// The name as the gazetteer writes district names: "Kreisfreie Stadt Flensburg",
    /// "Landkreis Gifhorn", "Kreis Kleve", but "Rhein-Kreis Neuss", "Region Hannover", "Berlin".
    fn display_name(&self) -> String {
        let short = self.short_name();
        let city_state = self.key.ends_with("000");
        let has_kind = short.to_lowercase().contains("kreis")
            || short.starts_with("Region")
            || short.starts_with("Städteregion");
        if city_state || has_kind || self.kind == "Regionalverband" {
            short.to_owned()
        } else {
            format!("{} {short}", self.kind)
        }
    }
}

/// All districts with their spots, ordered by key. Seed-independent: the map is the same for
/// every seed, only the entries change.
fn nationwide_districts() -> Vec<District> {
    let g = gazetteer();
    let mut layout = Rng(0x4B52_4549_5345); // "KREISE"
    let mut districts = Vec::new();
    // The districts without gazetteer municipalities, by their index in `districts`.
    let mut pending: Vec<(usize, Kreis)> = Vec::new();
    for kreis in kreise() {
        let mut places: Vec<&Place> = g.municipalities_in(kreis.key).collect();
        places.sort_by(|a, b| a.key.cmp(&b.key));
        let spots: Vec<Spot> = places
            .iter()
            .map(|p| Spot {
                municipality: Some(p.key.clone()),
                name: p.name.clone(),
                lat: p.location.lat,
                lon: p.location.lon,
            })
            .collect();
        let name = if spots.is_empty() {
            kreis.display_name()
        } else {
            // A real gazetteer district: its name as the gazetteer has it (16056 Eisenach has
            // municipalities there but no district name).
            g.district_name(kreis.key)
                .map_or_else(|| kreis.display_name(), str::to_owned)
        };
        if spots.is_empty() {
            pending.push((districts.len(), kreis));
        }
        districts.push(District {
            key: kreis.key.to_owned(),
            name,
            population: kreis.population,
            spots,
        });
    }
    // Every real municipality, so that no synthetic district is put on top of a real one.
    let real: Vec<(f64, f64)> = districts
        .iter()
        .flat_map(|d| d.spots.iter().map(|s| (s.lat, s.lon)))
        .collect();
    for (land, bounds) in LAENDER {
        let members: Vec<&(usize, Kreis)> = pending
            .iter()
            .filter(|(_, k)| k.key.starts_with(land))
            .collect();
        if members.is_empty() {
            continue;
        }
        let cells = free_cells(land, *bounds, members.len(), &real, &mut layout);
        for ((index, kreis), cell) in members.into_iter().zip(cells) {
            districts[*index].spots = synthetic_spots(kreis, cell, &mut layout);
        }
    }
    districts
}

/// `count` cells of a grid over a Land's box, chosen at random among those holding no real
/// municipality and (outside the city states) not inside a city state: (south, west, height,
/// width) each.
fn free_cells(
    land: &str,
    [south, west, north, east]: [f64; 4],
    count: usize,
    real: &[(f64, f64)],
    rng: &mut Rng,
) -> Vec<[f64; 4]> {
    let city_states: Vec<[f64; 4]> = LAENDER
        .iter()
        .filter(|(l, _)| ["02", "04", "11"].contains(l) && l != &land)
        .map(|(_, b)| *b)
        .collect();
    let (height, width) = (north - south, east - west);
    let aspect = width * LON_SCALE / height;
    let mut wanted = count;
    loop {
        let columns = ((wanted as f64 * aspect).sqrt().round() as usize).max(1);
        let rows = wanted.div_ceil(columns);
        let (dy, dx) = (height / rows as f64, width / columns as f64);
        let mut free = Vec::new();
        for r in 0..rows {
            for c in 0..columns {
                let (s, w) = (south + r as f64 * dy, west + c as f64 * dx);
                let (clat, clon) = (s + dy / 2.0, w + dx / 2.0);
                let taken = real
                    .iter()
                    .any(|&(lat, lon)| lat >= s && lat < s + dy && lon >= w && lon < w + dx)
                    || city_states
                        .iter()
                        .any(|b| clat >= b[0] && clat <= b[2] && clon >= b[1] && clon <= b[3]);
                if !taken {
                    free.push([s, w, dy, dx]);
                }
            }
        }
        if free.len() >= count {
            // Fisher–Yates, then the first `count`.
            for i in (1..free.len()).rev() {
                free.swap(i, rng.below(i + 1));
            }
            free.truncate(count);
            return free;
        }
        wanted += count.div_ceil(4);
    }
}

/// A few spots around a point inside `cell`, spread over about the district's area.
fn synthetic_spots(kreis: &Kreis, [s, w, dy, dx]: [f64; 4], rng: &mut Rng) -> Vec<Spot> {
    let lat = s + dy * (0.25 + 0.5 * rng.unit());
    let lon = w + dx * (0.25 + 0.5 * rng.unit());
    let half_km = kreis.area_km2.sqrt() / 2.0;
    let reach_lat = (half_km / KM_PER_DEGREE).min(0.3 * dy);
    let reach_lon = (half_km / (KM_PER_DEGREE * LON_SCALE)).min(0.3 * dx);
    let count = (2 + (kreis.area_km2 / 300.0) as usize).clamp(3, 9);
    (0..count)
        .map(|_| Spot {
            municipality: None,
            name: kreis.short_name().to_owned(),
            lat: lat + (rng.unit() * 2.0 - 1.0) * reach_lat,
            lon: lon + (rng.unit() * 2.0 - 1.0) * reach_lon,
        })
        .collect()
}

/// A nationwide catalogue of `entries` entries in format 1.0: about 400 districts, shares of
/// categories like a real catalogue of Germany's health economy; the same seed gives the same
/// document.
///
/// **Real:** the keys (AGS), population and (for placing) area of all 401 districts in
/// `KREISE` (Destatis 2018 via the npm package `landkreise-deutschland`, CC-BY-4.0); for the
/// 60 districts of the shared gazetteer (05515 05554 05558 05566 05570 05958 05962 05966 05970
/// 05974 and all of Sachsen, Sachsen-Anhalt and Thüringen) also their names as the gazetteer has
/// them, their municipalities (keys, names, centres), and entries are put at those
/// municipalities and carry their key; `region.municipalities` lists the ones used.
///
/// **Synthetic:** everything about the entries (names, texts, professions, dates), and the
/// positions in the other 341 districts: each gets a point in a cell of a grid laid over an
/// approximate box of its Land (`LAENDER`), in a cell holding no real municipality, and a few
/// spots around it spread over about the district's area; those entries have no
/// `municipality`. So a district's key, name and size are real but its place on the map is only
/// roughly in its Land; the map layout does not depend on the seed.
///
/// Entries per district follow the population (Berlin gets about 4.4 % of the entries,
/// Zweibrücken 0.04 %). Categories follow [`NATIONWIDE_SHARES`]; in addition the first entries
/// (`nat-0` … one per district, in key order) are one service point (`contact`) per district,
/// so that every district has a contact — with fewer entries than districts only the first
/// districts get one.
pub fn nationwide(entries: usize, seed: u64) -> Value {
    let g = gazetteer();
    let districts = nationwide_districts();
    let by_population: Vec<u64> = districts
        .iter()
        .scan(0, |sum, d| {
            *sum += d.population;
            Some(*sum)
        })
        .collect();
    let by_share: Vec<u64> = NATIONWIDE_SHARES
        .iter()
        .scan(0, |sum, (_, share)| {
            *sum += u64::from(*share);
            Some(*sum)
        })
        .collect();
    let mut rng = Rng(seed);
    let mut municipalities = BTreeSet::new();
    let mut items = Vec::with_capacity(entries);
    for i in 0..entries {
        let (district, category) = match districts.get(i) {
            Some(district) => (district, None),
            None => (
                &districts[rng.weighted(&by_population)],
                Some(NATIONWIDE_SHARES[rng.weighted(&by_share)].0),
            ),
        };
        let spot = rng.pick(&district.spots);
        if let Some(key) = &spot.municipality {
            municipalities.insert(key.as_str());
        }
        items.push(nationwide_entry(i, district, spot, category, &mut rng));
    }

    let (mut south, mut west, mut north, mut east) = (90.0f64, 180.0f64, -90.0f64, -180.0f64);
    for spot in districts.iter().flat_map(|d| &d.spots) {
        south = south.min(spot.lat);
        north = north.max(spot.lat);
        west = west.min(spot.lon);
        east = east.max(spot.lon);
    }
    let district_names: serde_json::Map<String, Value> = districts
        .iter()
        .map(|d| (d.key.clone(), json!(d.name)))
        .collect();
    let municipality_list: serde_json::Map<String, Value> = municipalities
        .into_iter()
        .filter_map(|key| g.municipality(key))
        .map(|p| {
            (
                p.key.clone(),
                json!({"name": p.name, "location": {"lat": p.location.lat, "lon": p.location.lon}}),
            )
        })
        .collect();
    json!({
        "format": "1.0",
        "updated": "2026-11-24",
        "region": {
            "name": {
                "de": format!("Generierter Katalog Deutschland ({entries} Einträge)"),
                "en": format!("Generated catalogue, Germany ({entries} entries)"),
            },
            "bounds": {"south": south - 0.1, "west": west - 0.1, "north": north + 0.1, "east": east + 0.1},
            "center": {"lat": (south + north) / 2.0, "lon": (west + east) / 2.0},
            "districts": district_names,
            "municipalities": municipality_list,
        },
        "entries": items,
    })
}

/// Entry `i` at `spot`; `category` `None` is the district's own service point.
fn nationwide_entry(
    i: usize,
    district: &District,
    spot: &Spot,
    category: Option<Category>,
    rng: &mut Rng,
) -> Value {
    let service_point = category.is_none();
    let category = category.unwrap_or(Category::ServicePoint);
    let kind = category.kind();
    let professions: Vec<&str> = Profession::ALL
        .iter()
        .filter(|_| rng.below(3) == 0)
        .map(|p| p.as_str())
        .collect();
    let name = if service_point {
        json!({
            "de": format!("Servicestelle Gesundheitsberufe {}", district.name),
            "en": format!("Service point for health professionals, {}", district.name),
        })
    } else {
        json!({
            "de": format!("{} {} {}", category.label("de"), rng.sentence(WORDS, 5, 35), spot.name),
            "en": format!("{} {}", category.label("en"), rng.sentence(WORDS_EN, 10, 45)),
        })
    };
    let mut entry = json!({
        "id": format!("nat-{i}"),
        "kind": kind.as_str(),
        "category": category.as_str(),
        "name": name,
        "description": {
            "de": rng.sentence(WORDS, 80, 600),
            "en": rng.sentence(WORDS_EN, 80, 500),
        },
        "professions": professions,
        "district": district.key,
        "location": {
            "lat": micro_degrees(spot.lat + (rng.unit() - 0.5) * 0.04),
            "lon": micro_degrees(spot.lon + (rng.unit() - 0.5) * 0.06),
        },
        "tags": [rng.pick(WORDS), rng.pick(WORDS)],
        "source": {
            "name": "Generator",
            "checked": format!("2026-{:02}-{:02}", 1 + rng.below(10), 1 + rng.below(28)),
        },
    });
    if let Some(key) = &spot.municipality {
        entry["municipality"] = json!(key);
    }
    match kind {
        Kind::Event => {
            let (month, day) = (1 + rng.below(12), 1 + rng.below(26));
            let end = day + rng.below(3);
            entry["event"] = json!({
                "start": format!("2027-{month:02}-{day:02}"),
                "end": format!("2027-{month:02}-{end:02}"),
                "place": spot.name,
            });
        }
        Kind::Contact => {
            entry["contact"] = json!({
                "name": if service_point { "Servicestelle Gesundheitsberufe" } else { "Geschäftsstelle" },
                "email": format!("gesundheit-{i}@kreis-{}.example", district.key),
                "phone": format!("0{} {}", 2000 + rng.below(8000), 100_000 + rng.below(900_000)),
            });
        }
        _ => {}
    }
    if category == Category::Funding {
        entry["funding"] = json!({
            "amount_eur": 1000 * (1 + rng.below(50)),
            "conditions": {
                "de": rng.sentence(WORDS, 40, 300),
                "en": rng.sentence(WORDS_EN, 40, 300),
            },
        });
    }
    entry
}

/// Rounded to six decimals (about 0.1 m): shorter numbers in the file.
fn micro_degrees(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}
