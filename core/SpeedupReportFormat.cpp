// Text renderings of a SpeedupReport: pure string functions (core does no I/O; the CLI and the studio
// write what these return).
#include "SpeedupReport.h"

#include <array>
#include <charconv>
#include <cmath>
#include <string>

// GCC 12 reports a false -Wrestrict inside std::string's operator+(const char*, std::string&&) at -O3
// (GCC bug 105329); the concatenations below are ordinary.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace ada {

namespace {

// `value` with `digits` decimals (std::to_chars: locale-independent, no stream).
std::string fixed(double value, int digits)
{
    if (!std::isfinite(value))
        return value > 0 ? "inf" : (value < 0 ? "-inf" : "nan");
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, digits);
    return std::string(buffer.data(), result.ptr);
}

// Three significant digits for numbers people compare (speedups, fudge factors, seconds).
std::string significant(double value)
{
    if (!std::isfinite(value) || value == 0.0)
        return fixed(value, 0);
    const double magnitude = std::floor(std::log10(std::abs(value)));
    if (magnitude >= 5 || magnitude <= -4) {
        std::array<char, 64> buffer{};
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                          std::chars_format::scientific, 2);
        return std::string(buffer.data(), result.ptr);
    }
    return fixed(value, std::max(0, 2 - static_cast<int>(magnitude)));
}

std::string percent(double fraction)
{
    return fixed(100.0 * fraction, 1) + " %";
}

// At most `digits` decimals and no trailing zeros: 0.3 → "0.3", 10.0 → "10".
std::string plain(double value, int digits = 3)
{
    std::string s = fixed(value, digits);
    if (s.find('.') == std::string::npos)
        return s;
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.')
        s.pop_back();
    return s;
}

// 100·δ: "10 %", "5 %", "0.5 %".
std::string deltaText(double delta)
{
    return delta > 0 ? plain(100.0 * delta) + " %" : "—";
}

std::string timeText(double s)
{
    if (s >= 1.0)
        return fixed(s, 3) + " s";
    if (s >= 1e-3)
        return fixed(s * 1e3, 3) + " ms";
    return fixed(s * 1e6, 2) + " µs";
}

std::string integerText(double value)
{
    return fixed(std::round(value), 0);
}

const std::array<const char*, kCostedPhases> kPhaseNames{"warm-up", "elimination", "winner", "partition"};

std::string paramText(const std::string& key, double value)
{
    if (key == "fudge_best")
        return "φ_b=" + significant(value);
    if (key == "fudge_log")
        return "φ_ℓ=" + significant(value);
    if (key == "tune_queries")
        return "tuned on " + integerText(value);
    if (key == "fit_queries")
        return "fitted on " + integerText(value);
    if (key == "fit_seconds")
        return "fit " + timeText(value);
    if (key == "svd_seconds")
        return value > 0 ? "SVD " + timeText(value) : "SVD cached";
    if (key == "fit_rank")
        return "rank " + integerText(value);
    if (key == "rank")
        return "r=" + integerText(value);
    return key + "=" + (value == std::round(value) ? integerText(value) : significant(value));
}

// Which δ a row meets, as the last column shows it: a plain "yes", or a marked miss.
std::string meetsText(const SpeedupReport& report, const ReportRow& row)
{
    if (row.delta > 0)
        return row.meets(row.delta) ? "yes" : "**NO** ✗";
    std::string met;
    for (double delta : report.deltas)
        if (row.meets(delta))
            met += (met.empty() ? "δ = " : ", ") + deltaText(delta);
    return met.empty() ? "**none** ✗" : met;
}

} // namespace

std::string formatParams(const ReportRow& row)
{
    std::string out;
    for (const auto& [key, value] : row.params)
        out += (out.empty() ? "" : ", ") + paramText(key, value);
    return out;
}

std::string formatReportMarkdown(const SpeedupReport& report)
{
    std::string out = "## Speedup report: " + report.dataset + "\n\n";
    out += "n = " + std::to_string(report.arms) + ", d = " + std::to_string(report.dim)
        + ", ε = " + plain(report.epsilon, 6) + ", k = " + std::to_string(report.k) + "; "
        + std::to_string(report.tuneQueries.size()) + " tuning and "
        + std::to_string(report.testQueries.size()) + " test queries, seed " + std::to_string(report.seed)
        + ". Success: a correct top-k with every p̂ within 1 ± ε of p (ALGORITHM.md §1.2), with a 95 % "
          "Clopper–Pearson interval. Sample speedup: 1 / mean of cost / (n·D) (§1.3), and with n·d; time "
          "speedup: exact softmax's wall-clock over the method's, on the same queries in the same process. "
          "Rows marked ✗ have a success rate below 1 − δ (a baseline: at every δ).\n\n";
    out += "| method | δ | parameters | speedup (samples, n·D) | speedup (samples, n·d) | speedup (time) "
           "| success rate [95 % CI] | cost / query | time / query | meets 1 − δ |\n";
    out += "|---|---:|---|---:|---:|---:|---|---:|---:|---|\n";
    for (const ReportRow& row : report.rows) {
        const bool miss = !row.meets(targetDelta(report, row));
        std::string success = percent(row.successRate) + " [" + fixed(100.0 * row.successCi.first, 1) + ", "
            + fixed(100.0 * row.successCi.second, 1) + "]";
        if (miss)
            success = "**" + success + "**";
        out += "| " + row.method + " | " + deltaText(row.delta) + " | " + formatParams(row) + " | "
            + significant(row.sampleSpeedup) + "× | " + significant(row.sampleSpeedupD) + "× | "
            + significant(row.timeSpeedup) + "× | " + success + " | " + integerText(row.costPerQuery) + " | "
            + timeText(row.secondsPerQuery) + " | " + meetsText(report, row) + " |\n";
    }
    bool anyAdaptive = false;
    for (const ReportRow& row : report.rows)
        anyAdaptive = anyAdaptive || row.method == "adaptive";
    if (anyAdaptive) {
        out += "\nCost of each phase (adaptive; mean pulls per test query, share of the total):\n\n";
        out += "| δ | warm-up | elimination | winner | partition | total | n·D |\n";
        out += "|---:|---:|---:|---:|---:|---:|---:|\n";
        for (const ReportRow& row : report.rows) {
            if (row.method != "adaptive")
                continue;
            double exact = 0.0;
            for (const ReportQuery& q : row.perQuery)
                exact += double(q.exactCost);
            exact /= row.perQuery.empty() ? 1.0 : double(row.perQuery.size());
            out += "| " + deltaText(row.delta);
            for (double p : row.phasePullsPerQuery)
                out += " | " + integerText(p) + " ("
                    + (row.costPerQuery > 0 ? fixed(100.0 * p / row.costPerQuery, 1) : std::string("0.0"))
                    + " %)";
            out += " | " + integerText(row.costPerQuery) + " | " + integerText(exact) + " |\n";
        }
    }
    if (!report.notes.empty()) {
        out += "\n";
        for (const ReportNote& note : report.notes)
            out += "- " + note.text + "\n";
    }
    if (report.cancelled)
        out += "\n(cancelled: only the rows finished before cancellation are shown)\n";
    return out;
}

std::string formatReportCsv(const SpeedupReport& report)
{
    std::string out = "method,delta,params,sample_speedup,sample_speedup_d,time_speedup,success_rate,ci_low,"
                      "ci_high,successes,test_queries,cost_per_query,seconds_per_query,meets_target";
    for (const char* phase : kPhaseNames)
        out += std::string(",") + phase;
    out += "\n";
    auto number = [](double v) {
        if (!std::isfinite(v))
            return std::string(v > 0 ? "inf" : "nan");
        std::array<char, 64> buffer{};
        const auto result
            = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v); // shortest round trip
        return std::string(buffer.data(), result.ptr);
    };
    for (const ReportRow& row : report.rows) {
        std::string params;
        for (const auto& [key, value] : row.params)
            params += (params.empty() ? "" : ";") + key + "=" + number(value);
        out += row.method + "," + (row.delta > 0 ? number(row.delta) : std::string()) + ",\"" + params + "\","
            + number(row.sampleSpeedup) + "," + number(row.sampleSpeedupD) + "," + number(row.timeSpeedup)
            + "," + number(row.successRate) + "," + number(row.successCi.first) + ","
            + number(row.successCi.second) + "," + std::to_string(row.successes) + ","
            + std::to_string(row.testQueries) + "," + number(row.costPerQuery) + ","
            + number(row.secondsPerQuery) + "," + (row.meets(targetDelta(report, row)) ? "yes" : "no");
        for (double p : row.phasePullsPerQuery)
            out += "," + (row.method == "adaptive" ? number(p) : std::string());
        out += "\n";
    }
    return out;
}

} // namespace ada
