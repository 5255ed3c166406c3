// glove:100d's built-in word lists (GloveWords.h): the analogy pairs and the stop words.
#include "GloveWords.h"

#include "Glove.h"

#include <span>
#include <unordered_set>
#include <utility>

namespace ada {

namespace {

using WordPair = std::pair<std::string_view, std::string_view>;

// Word pairs per category, in the style of Mikolov et al.'s questions-words.txt. Within a
// category no word occurs twice, so every generated quadruple has four distinct words.
constexpr WordPair kCapitals[]
    = {{"athens", "greece"},     {"baghdad", "iraq"},     {"bangkok", "thailand"}, {"beijing", "china"},
       {"berlin", "germany"},    {"bern", "switzerland"}, {"cairo", "egypt"},      {"canberra", "australia"},
       {"hanoi", "vietnam"},     {"havana", "cuba"},      {"helsinki", "finland"}, {"islamabad", "pakistan"},
       {"kabul", "afghanistan"}, {"london", "england"},   {"madrid", "spain"},     {"moscow", "russia"},
       {"oslo", "norway"},       {"ottawa", "canada"},    {"paris", "france"},     {"rome", "italy"},
       {"stockholm", "sweden"},  {"tehran", "iran"},      {"tokyo", "japan"},      {"ankara", "turkey"},
       {"nairobi", "kenya"},     {"lisbon", "portugal"},  {"dublin", "ireland"},   {"warsaw", "poland"},
       {"vienna", "austria"},    {"budapest", "hungary"}};
constexpr WordPair kCurrencies[]
    = {{"japan", "yen"},     {"india", "rupee"},     {"russia", "ruble"},  {"mexico", "peso"},
       {"china", "yuan"},    {"europe", "euro"},     {"thailand", "baht"}, {"poland", "zloty"},
       {"iran", "rial"},     {"israel", "shekel"},   {"sweden", "krona"},  {"denmark", "krone"},
       {"nigeria", "naira"}, {"malaysia", "ringgit"}};
constexpr WordPair kCityStates[]
    = {{"chicago", "illinois"},     {"houston", "texas"},         {"philadelphia", "pennsylvania"},
       {"phoenix", "arizona"},      {"jacksonville", "florida"},  {"indianapolis", "indiana"},
       {"columbus", "ohio"},        {"detroit", "michigan"},      {"memphis", "tennessee"},
       {"boston", "massachusetts"}, {"seattle", "washington"},    {"denver", "colorado"},
       {"baltimore", "maryland"},   {"milwaukee", "wisconsin"},   {"portland", "oregon"},
       {"atlanta", "georgia"},      {"sacramento", "california"}, {"minneapolis", "minnesota"},
       {"louisville", "kentucky"},  {"omaha", "nebraska"},        {"wichita", "kansas"},
       {"tulsa", "oklahoma"}};
constexpr WordPair kFamily[] = {{"boy", "girl"},
                                {"brother", "sister"},
                                {"father", "mother"},
                                {"king", "queen"},
                                {"man", "woman"},
                                {"husband", "wife"},
                                {"son", "daughter"},
                                {"uncle", "aunt"},
                                {"nephew", "niece"},
                                {"grandfather", "grandmother"},
                                {"he", "she"},
                                {"his", "her"},
                                {"prince", "princess"},
                                {"groom", "bride"},
                                {"dad", "mom"},
                                {"actor", "actress"},
                                {"waiter", "waitress"},
                                {"emperor", "empress"},
                                {"stepfather", "stepmother"},
                                {"grandson", "granddaughter"},
                                {"boys", "girls"},
                                {"brothers", "sisters"},
                                {"sons", "daughters"},
                                {"kings", "queens"},
                                {"fathers", "mothers"},
                                {"lord", "lady"},
                                {"monk", "nun"},
                                {"hero", "heroine"}};
constexpr WordPair kAdverbs[] = {{"amazing", "amazingly"},
                                 {"apparent", "apparently"},
                                 {"calm", "calmly"},
                                 {"careful", "carefully"},
                                 {"cheerful", "cheerfully"},
                                 {"complete", "completely"},
                                 {"efficient", "efficiently"},
                                 {"fortunate", "fortunately"},
                                 {"free", "freely"},
                                 {"happy", "happily"},
                                 {"immediate", "immediately"},
                                 {"obvious", "obviously"},
                                 {"occasional", "occasionally"},
                                 {"possible", "possibly"},
                                 {"precise", "precisely"},
                                 {"quick", "quickly"},
                                 {"quiet", "quietly"},
                                 {"rapid", "rapidly"},
                                 {"rare", "rarely"},
                                 {"reluctant", "reluctantly"},
                                 {"slow", "slowly"},
                                 {"sudden", "suddenly"},
                                 {"typical", "typically"},
                                 {"usual", "usually"},
                                 {"serious", "seriously"},
                                 {"safe", "safely"},
                                 {"swift", "swiftly"},
                                 {"honest", "honestly"}};
constexpr WordPair kOpposites[] = {{"acceptable", "unacceptable"},
                                   {"aware", "unaware"},
                                   {"certain", "uncertain"},
                                   {"clear", "unclear"},
                                   {"comfortable", "uncomfortable"},
                                   {"consistent", "inconsistent"},
                                   {"convincing", "unconvincing"},
                                   {"decided", "undecided"},
                                   {"ethical", "unethical"},
                                   {"fortunate", "unfortunate"},
                                   {"honest", "dishonest"},
                                   {"informed", "uninformed"},
                                   {"known", "unknown"},
                                   {"likely", "unlikely"},
                                   {"logical", "illogical"},
                                   {"pleasant", "unpleasant"},
                                   {"possible", "impossible"},
                                   {"productive", "unproductive"},
                                   {"rational", "irrational"},
                                   {"reasonable", "unreasonable"},
                                   {"responsible", "irresponsible"},
                                   {"sure", "unsure"},
                                   {"tasteful", "distasteful"},
                                   {"legal", "illegal"},
                                   {"official", "unofficial"},
                                   {"popular", "unpopular"}};
constexpr WordPair kComparatives[]
    = {{"bad", "worse"},      {"big", "bigger"},    {"bright", "brighter"}, {"cheap", "cheaper"},
       {"cold", "colder"},    {"cool", "cooler"},   {"deep", "deeper"},     {"easy", "easier"},
       {"fast", "faster"},    {"good", "better"},   {"great", "greater"},   {"hard", "harder"},
       {"heavy", "heavier"},  {"high", "higher"},   {"hot", "hotter"},      {"large", "larger"},
       {"long", "longer"},    {"loud", "louder"},   {"low", "lower"},       {"new", "newer"},
       {"old", "older"},      {"quick", "quicker"}, {"safe", "safer"},      {"short", "shorter"},
       {"simple", "simpler"}, {"slow", "slower"},   {"small", "smaller"},   {"strong", "stronger"},
       {"tall", "taller"},    {"tough", "tougher"}, {"warm", "warmer"},     {"weak", "weaker"},
       {"wide", "wider"},     {"young", "younger"}};
constexpr WordPair kSuperlatives[]
    = {{"bad", "worst"},     {"big", "biggest"},    {"bright", "brightest"}, {"cold", "coldest"},
       {"cool", "coolest"},  {"dark", "darkest"},   {"easy", "easiest"},     {"fast", "fastest"},
       {"good", "best"},     {"great", "greatest"}, {"hard", "hardest"},     {"high", "highest"},
       {"hot", "hottest"},   {"large", "largest"},  {"long", "longest"},     {"low", "lowest"},
       {"old", "oldest"},    {"quick", "quickest"}, {"small", "smallest"},   {"strong", "strongest"},
       {"tall", "tallest"},  {"warm", "warmest"},   {"weak", "weakest"},     {"wide", "widest"},
       {"young", "youngest"}};
constexpr WordPair kParticiples[] = {{"code", "coding"},
                                     {"dance", "dancing"},
                                     {"decrease", "decreasing"},
                                     {"describe", "describing"},
                                     {"discover", "discovering"},
                                     {"enhance", "enhancing"},
                                     {"fly", "flying"},
                                     {"generate", "generating"},
                                     {"go", "going"},
                                     {"implement", "implementing"},
                                     {"increase", "increasing"},
                                     {"invent", "inventing"},
                                     {"jump", "jumping"},
                                     {"listen", "listening"},
                                     {"look", "looking"},
                                     {"move", "moving"},
                                     {"play", "playing"},
                                     {"predict", "predicting"},
                                     {"read", "reading"},
                                     {"run", "running"},
                                     {"say", "saying"},
                                     {"scream", "screaming"},
                                     {"see", "seeing"},
                                     {"sing", "singing"},
                                     {"sit", "sitting"},
                                     {"swim", "swimming"},
                                     {"think", "thinking"},
                                     {"vanish", "vanishing"},
                                     {"walk", "walking"},
                                     {"write", "writing"}};
constexpr WordPair kNationalities[]
    = {{"albania", "albanian"},   {"australia", "australian"}, {"austria", "austrian"},
       {"belgium", "belgian"},    {"brazil", "brazilian"},     {"bulgaria", "bulgarian"},
       {"cambodia", "cambodian"}, {"chile", "chilean"},        {"china", "chinese"},
       {"colombia", "colombian"}, {"croatia", "croatian"},     {"denmark", "danish"},
       {"egypt", "egyptian"},     {"england", "english"},      {"france", "french"},
       {"germany", "german"},     {"greece", "greek"},         {"iceland", "icelandic"},
       {"india", "indian"},       {"ireland", "irish"},        {"israel", "israeli"},
       {"italy", "italian"},      {"japan", "japanese"},       {"korea", "korean"},
       {"mexico", "mexican"},     {"netherlands", "dutch"},    {"norway", "norwegian"},
       {"peru", "peruvian"},      {"poland", "polish"},        {"portugal", "portuguese"},
       {"russia", "russian"},     {"spain", "spanish"},        {"sweden", "swedish"},
       {"switzerland", "swiss"},  {"thailand", "thai"},        {"ukraine", "ukrainian"}};
constexpr WordPair kPastTense[]
    = {{"dancing", "danced"},       {"decreasing", "decreased"}, {"describing", "described"},
       {"enhancing", "enhanced"},   {"falling", "fell"},         {"feeding", "fed"},
       {"flying", "flew"},          {"generating", "generated"}, {"going", "went"},
       {"hiding", "hid"},           {"hitting", "hit"},          {"implementing", "implemented"},
       {"increasing", "increased"}, {"jumping", "jumped"},       {"knowing", "knew"},
       {"listening", "listened"},   {"looking", "looked"},       {"moving", "moved"},
       {"paying", "paid"},          {"playing", "played"},       {"predicting", "predicted"},
       {"running", "ran"},          {"saying", "said"},          {"screaming", "screamed"},
       {"seeing", "saw"},           {"selling", "sold"},         {"singing", "sang"},
       {"sitting", "sat"},          {"sleeping", "slept"},       {"spending", "spent"},
       {"swimming", "swam"},        {"taking", "took"},          {"thinking", "thought"},
       {"walking", "walked"},       {"writing", "wrote"}};
constexpr WordPair kPluralNouns[] = {{"banana", "bananas"},
                                     {"bird", "birds"},
                                     {"bottle", "bottles"},
                                     {"building", "buildings"},
                                     {"car", "cars"},
                                     {"cat", "cats"},
                                     {"child", "children"},
                                     {"cloud", "clouds"},
                                     {"color", "colors"},
                                     {"computer", "computers"},
                                     {"cow", "cows"},
                                     {"dog", "dogs"},
                                     {"dollar", "dollars"},
                                     {"donkey", "donkeys"},
                                     {"dream", "dreams"},
                                     {"eagle", "eagles"},
                                     {"elephant", "elephants"},
                                     {"eye", "eyes"},
                                     {"finger", "fingers"},
                                     {"goat", "goats"},
                                     {"hand", "hands"},
                                     {"horse", "horses"},
                                     {"lion", "lions"},
                                     {"machine", "machines"},
                                     {"man", "men"},
                                     {"monkey", "monkeys"},
                                     {"mouse", "mice"},
                                     {"onion", "onions"},
                                     {"pig", "pigs"},
                                     {"rat", "rats"},
                                     {"road", "roads"},
                                     {"snake", "snakes"},
                                     {"woman", "women"}};
constexpr WordPair kPluralVerbs[] = {{"decrease", "decreases"},
                                     {"describe", "describes"},
                                     {"eat", "eats"},
                                     {"enhance", "enhances"},
                                     {"estimate", "estimates"},
                                     {"find", "finds"},
                                     {"generate", "generates"},
                                     {"go", "goes"},
                                     {"implement", "implements"},
                                     {"increase", "increases"},
                                     {"listen", "listens"},
                                     {"play", "plays"},
                                     {"predict", "predicts"},
                                     {"provide", "provides"},
                                     {"say", "says"},
                                     {"scream", "screams"},
                                     {"search", "searches"},
                                     {"see", "sees"},
                                     {"sing", "sings"},
                                     {"sit", "sits"},
                                     {"speak", "speaks"},
                                     {"swim", "swims"},
                                     {"talk", "talks"},
                                     {"think", "thinks"},
                                     {"vanish", "vanishes"},
                                     {"walk", "walks"},
                                     {"work", "works"},
                                     {"write", "writes"}};

// Function words: a word query should be a content word with meaningful neighbours.
constexpr std::string_view kStopWords[]
    = {"about",    "above",    "across",       "after",      "afterwards", "again",      "against",
       "ago",      "all",      "almost",       "alone",      "along",      "already",    "also",
       "although", "always",   "among",        "amongst",    "and",        "another",    "any",
       "anyhow",   "anyone",   "anything",     "anyway",     "anywhere",   "are",        "around",
       "because",  "been",     "before",       "beforehand", "behind",     "being",      "below",
       "beside",   "besides",  "between",      "beyond",     "both",       "but",        "can",
       "cannot",   "could",    "despite",      "did",        "does",       "doing",      "done",
       "down",     "during",   "each",         "either",     "else",       "elsewhere",  "enough",
       "even",     "ever",     "every",        "everyone",   "everything", "everywhere", "except",
       "few",      "for",      "from",         "further",    "had",        "has",        "have",
       "having",   "hence",    "her",          "here",       "hers",       "herself",    "him",
       "himself",  "his",      "how",          "however",    "indeed",     "into",       "its",
       "itself",   "just",     "least",        "less",       "many",       "may",        "might",
       "more",     "moreover", "most",         "mostly",     "much",       "must",       "myself",
       "neither",  "never",    "nevertheless", "none",       "nor",        "not",        "nothing",
       "now",      "nowhere",  "off",          "often",      "once",       "one",        "only",
       "onto",     "other",    "others",       "otherwise",  "our",        "ours",       "ourselves",
       "out",      "over",     "own",          "per",        "perhaps",    "quite",      "rather",
       "same",     "several",  "shall",        "she",        "should",     "since",      "some",
       "somehow",  "someone",  "something",    "sometimes",  "somewhere",  "still",      "such",
       "than",     "that",     "the",          "their",      "theirs",     "them",       "themselves",
       "then",     "there",    "thereafter",   "thereby",    "therefore",  "these",      "they",
       "this",     "those",    "though",       "through",    "throughout", "thus",       "together",
       "too",      "toward",   "towards",      "under",      "unless",     "until",      "upon",
       "very",     "via",      "was",          "were",       "what",       "whatever",   "when",
       "whenever", "where",    "whereas",      "wherever",   "whether",    "which",      "while",
       "who",      "whoever",  "whole",        "whom",       "whose",      "why",        "will",
       "with",     "within",   "without",      "would",      "yet",        "you",        "your",
       "yours",    "yourself"};

} // namespace

bool isGloveStopWord(std::string_view word)
{
    static const std::unordered_set<std::string_view> stop(std::begin(kStopWords), std::end(kStopWords));
    return stop.contains(word);
}

const std::vector<GloveAnalogy>& gloveAnalogies()
{
    static const std::vector<GloveAnalogy> all = [] {
        struct Category {
            std::string_view name;
            std::span<const WordPair> pairs;
        };
        const Category categories[]
            = {{"capital-country", kCapitals},       {"currency", kCurrencies},
               {"city-in-state", kCityStates},       {"family", kFamily},
               {"adjective-to-adverb", kAdverbs},    {"opposite", kOpposites},
               {"comparative", kComparatives},       {"superlative", kSuperlatives},
               {"present-participle", kParticiples}, {"nationality-adjective", kNationalities},
               {"past-tense", kPastTense},           {"plural-nouns", kPluralNouns},
               {"plural-verbs", kPluralVerbs}};
        std::vector<GloveAnalogy> out;
        for (const Category& c : categories)
            for (std::size_t i = 0; i < c.pairs.size(); ++i) {
                const WordPair& first = c.pairs[i];
                const WordPair& second = c.pairs[(i + 1) % c.pairs.size()];
                out.push_back({c.name, first.first, first.second, second.first, second.second});
            }
        return out;
    }();
    return all;
}

} // namespace ada
