using System;
using System.Globalization;
using System.Linq;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Refuses a schedule Polytomic would store but never run as meant, before any request: a frequency
    /// without the time it needs, an hour or minute out of range, an unknown day name, custom fields that are not cron.
    /// Shared by model syncs and bulk syncs (their schedules have the same fields).</summary>
    internal static class ScheduleCheck
    {
        public static readonly string[] Days = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

        /// <summary>Checks the fields and returns the day of week in Polytomic's spelling (lower case), or null.</summary>
        public static string? Check(string parameter, string? frequency, string? minute, string? hour, string? dayOfWeek, string? dayOfMonth, string? month)
        {
            var f = frequency?.ToLowerInvariant();
            if (f == "custom")
            {
                if (Blank(minute) || Blank(hour))
                    throw Refuse("ScheduleTimeRequired", parameter,
                        "A custom schedule is a cron schedule and needs at least minute and hour (cron fields; day_of_month, month and day_of_week default to every).",
                        "-Schedule @{ minute = '0'; hour = '*/6' } runs every 6 hours; '*', lists (1,15), ranges (1-5) and steps (*/10) work in each field.");
                Cron(parameter, "minute", minute, 0, 59);
                Cron(parameter, "hour", hour, 0, 23);
                Cron(parameter, "day_of_month", dayOfMonth, 1, 31);
                Cron(parameter, "month", month, 1, 12);
                Cron(parameter, "day_of_week", dayOfWeek, 0, 7, allowDayNames: true);
                return dayOfWeek;
            }
            string[] needs = f == "hourly" ? new[] { "minute" }
                : f == "daily" ? new[] { "hour", "minute" }
                : f == "weekly" ? new[] { "day_of_week", "hour", "minute" }
                : new string[0];
            var missing = needs.Where(n => Blank(n == "minute" ? minute : n == "hour" ? hour : dayOfWeek)).ToList();
            if (missing.Count > 0)
                throw Refuse("ScheduleTimeRequired", parameter,
                    $"A {f} schedule needs {string.Join(" and ", missing)} (UTC): without {(missing.Count > 1 ? "them" : "it")} Polytomic stores a schedule with no time.",
                    f == "hourly" ? "Add -Schedule @{ minute = 15 }."
                    : f == "daily" ? "Add -Schedule @{ hour = 5; minute = 30 } (05:30 UTC)."
                    : "Add -Schedule @{ day_of_week = 'monday'; hour = 5; minute = 30 }.");
            Number(parameter, "minute", minute, 0, 59);
            Number(parameter, "hour", hour, 0, 23);
            Number(parameter, "day_of_month", dayOfMonth, 1, 31);
            Number(parameter, "month", month, 1, 12);
            return Blank(dayOfWeek) ? dayOfWeek : Day(parameter, dayOfWeek!);
        }

        private static bool Blank(string? v) => string.IsNullOrWhiteSpace(v);

        private static void Number(string parameter, string field, string? value, int min, int max)
        {
            if (Blank(value)) return;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                throw Refuse("InvalidScheduleTime", parameter, $"The schedule's {field} is '{value}'; it must be a whole number from {min} to {max} (UTC).",
                    $"Give {field} a value from {min} to {max}.");
        }

        private static string Day(string parameter, string value)
        {
            var day = Days.FirstOrDefault(d => string.Equals(d, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (day != null) return day;
            var near = Days.FirstOrDefault(d => value.Trim().Length >= 3 && d.StartsWith(value.Trim().ToLowerInvariant(), StringComparison.Ordinal))
                ?? NearestName.Find(value, Days);
            throw Refuse("InvalidDayOfWeek", parameter, $"'{value}' is not a day of the week." + (near != null ? $" Did you mean '{near}'?" : ""),
                $"Use one of {string.Join(", ", Days)}.");
        }

        /// <summary>One cron field: *, n, a-b, lists of those, each with an optional /step.</summary>
        private static void Cron(string parameter, string field, string? value, int min, int max, bool allowDayNames = false)
        {
            if (Blank(value)) return;
            foreach (var part in value!.Split(','))
            {
                var range = part;
                var slash = part.IndexOf('/');
                if (slash >= 0)
                {
                    range = part.Substring(0, slash);
                    if (!int.TryParse(part.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                        throw BadCron(parameter, field, value, min, max);
                }
                if (range == "*") continue;
                var ends = range.Split('-');
                if (ends.Length > 2 || ends.Any(e => !CronValue(e, min, max, allowDayNames)))
                    throw BadCron(parameter, field, value, min, max);
            }
        }

        private static bool CronValue(string text, int min, int max, bool allowDayNames) =>
            (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            || (allowDayNames && Days.Any(d => d.StartsWith(text.ToLowerInvariant(), StringComparison.Ordinal) && text.Length == 3));

        private static PolytomicInputException BadCron(string parameter, string field, string value, int min, int max) =>
            Refuse("InvalidCronSchedule", parameter, $"The custom schedule's {field} '{value}' is not a cron field: use *, numbers from {min} to {max}, lists (1,15), ranges (1-5) or steps (*/10).",
                "Example: -Schedule @{ minute = '0'; hour = '*/6'; day_of_week = '1-5' }.");

        private static PolytomicInputException Refuse(string errorId, string parameter, string message, string suggestion) =>
            new PolytomicInputException(errorId, message + " " + suggestion, parameter, parameter);
    }
}
