using System;

namespace Polytomic
{
    /// <summary>Input that is plainly invalid, caught before any request is sent. ErrorId is stable.</summary>
    public sealed class PolytomicInputException : ArgumentException
    {
        public PolytomicInputException(string errorId, string message, string? paramName = null, object? target = null)
            : base(message, paramName)
        {
            ErrorId = errorId;
            Target = target;
        }

        public string ErrorId { get; }
        public object? Target { get; }
        public override string Message => base.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0];
    }
}
