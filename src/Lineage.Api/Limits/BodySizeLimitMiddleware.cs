using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Limits;

/// <summary>
/// Refuses a request body over <see cref="RequestLimits.MaxRequestBodyBytes"/> with 413: at once when its length is
/// declared, else as soon as reading passes the limit. Kestrel enforces the same limit; this also covers hosts that
/// don't (the in-memory test server) and keeps one error shape.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<RequestLimits> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var max = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = max;
        if (context.Request.ContentLength > max) throw TooLarge(max);
        context.Request.Body = new LimitedStream(context.Request.Body, max);
        return next(context);
    }

    internal static BadHttpRequestException TooLarge(long max) =>
        new($"the request body is larger than {max} bytes (Lineage:Limits:MaxRequestBodyBytes)", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A read-only view of the body that fails once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > max ? throw TooLarge(max) : read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
