using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PolytomicPS.Host
{
    /// <summary>A minimal PSHost: output to a writer (the console), errors and warnings to another, no prompts unless a
    /// real console is attached (runbooks and CI must never hang on one).</summary>
    public sealed class ConsoleHost : PSHost
    {
        private readonly Guid id = Guid.NewGuid();
        private readonly ConsoleUI ui;

        public ConsoleHost(TextWriter output, TextWriter error, bool interactive, int width = 120, bool plainText = true)
        {
            ui = new ConsoleUI(plainText ? new PlainTextWriter(output) : output, plainText ? new PlainTextWriter(error) : error, interactive, width);
        }

        /// <summary>Drops ANSI escape sequences: logs and CI read this output, and the engine styles table headers
        /// whatever $PSStyle.OutputRendering says when the host is not its own console.</summary>
        private sealed class PlainTextWriter : TextWriter
        {
            private static readonly System.Text.RegularExpressions.Regex Ansi =
                new System.Text.RegularExpressions.Regex("\u001b\\[[0-9;?]*[A-Za-z]", System.Text.RegularExpressions.RegexOptions.Compiled);
            private readonly TextWriter inner;
            public PlainTextWriter(TextWriter inner) { this.inner = inner; }
            public override System.Text.Encoding Encoding => inner.Encoding;
            public override void Write(char value) => inner.Write(value);
            public override void Write(string? value) => inner.Write(value == null ? null : Ansi.Replace(value, ""));
            public override void WriteLine(string? value) => inner.WriteLine(value == null ? null : Ansi.Replace(value, ""));
            public override void Flush() => inner.Flush();
        }

        public int? ExitCode { get; private set; }
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
        public override Guid InstanceId => id;
        public override string Name => "PolytomicPS.Host";
        public override PSHostUserInterface UI => ui;
        public override Version Version => typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 1);
        public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported.");
        public override void ExitNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported.");
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

        private sealed class ConsoleUI : PSHostUserInterface
        {
            private readonly TextWriter output, error;
            private readonly bool interactive;
            private readonly RawUI raw;

            public ConsoleUI(TextWriter output, TextWriter error, bool interactive, int width)
            {
                this.output = output; this.error = error; this.interactive = interactive; raw = new RawUI(width);
            }

            public override PSHostRawUserInterface RawUI => raw;

            public override void Write(string value) => output.Write(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => output.Write(value);
            public override void WriteLine(string value) => output.WriteLine(value);
            public override void WriteErrorLine(string value) => error.WriteLine(value);
            public override void WriteWarningLine(string message) => error.WriteLine("WARNING: " + message);
            public override void WriteVerboseLine(string message) => error.WriteLine("VERBOSE: " + message);
            public override void WriteDebugLine(string message) => error.WriteLine("DEBUG: " + message);
            public override void WriteInformation(InformationRecord record) => output.WriteLine(record.MessageData?.ToString());

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
                // One line per state change is enough for logs; bars need a real terminal.
                if (record.RecordType == ProgressRecordType.Completed) return;
                if (interactive) error.WriteLine($"[{record.Activity}] {record.StatusDescription}");
            }

            public override string ReadLine() => interactive ? Console.ReadLine() ?? "" : throw NoPrompt();
            public override SecureString ReadLineAsSecureString() => throw NoPrompt();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw NoPrompt();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoPrompt();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
                PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoPrompt();

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                if (!interactive) throw NoPrompt();
                output.WriteLine(caption);
                output.WriteLine(message);
                for (int i = 0; i < choices.Count; i++) output.WriteLine($"[{i}] {choices[i].Label.Replace("&", "")}");
                output.Write($"Choice (default {defaultChoice}): ");
                var line = Console.ReadLine();
                return int.TryParse(line, out var n) && n >= 0 && n < choices.Count ? n : defaultChoice;
            }

            private static PSInvalidOperationException NoPrompt() =>
                new PSInvalidOperationException("This host is non-interactive and cannot prompt. Pass -Confirm:$false or -Force, and give every mandatory parameter.");
        }

        private sealed class RawUI : PSHostRawUserInterface
        {
            private readonly int width;
            public RawUI(int width) { this.width = width; }
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
            public override Size BufferSize { get => new Size(width, 9999); set { } }
            public override Coordinates CursorPosition { get; set; }
            public override int CursorSize { get; set; }
            public override bool KeyAvailable => false;
            public override Size MaxPhysicalWindowSize => new Size(width, 100);
            public override Size MaxWindowSize => new Size(width, 100);
            public override Coordinates WindowPosition { get; set; }
            public override Size WindowSize { get => new Size(width, 100); set { } }
            public override string WindowTitle { get; set; } = "PolytomicPS";
            public override void FlushInputBuffer() { }
            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("No console input.");
            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        }
    }
}
