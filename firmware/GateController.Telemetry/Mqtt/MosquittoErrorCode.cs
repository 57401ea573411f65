namespace GateController.Telemetry.Mqtt;

/// <summary>The <c>enum mosq_err_t</c> codes of libmosquitto 2.0 that the unit acts on.</summary>
public enum MosquittoErrorCode
{
    /// <summary>MOSQ_ERR_CONN_PENDING.</summary>
    ConnectionPending = -1,

    /// <summary>MOSQ_ERR_SUCCESS.</summary>
    Success = 0,

    /// <summary>MOSQ_ERR_NOMEM.</summary>
    OutOfMemory = 1,

    /// <summary>MOSQ_ERR_PROTOCOL.</summary>
    Protocol = 2,

    /// <summary>MOSQ_ERR_INVAL: an argument was invalid.</summary>
    InvalidArgument = 3,

    /// <summary>MOSQ_ERR_NO_CONN: not connected to a broker.</summary>
    NoConnection = 4,

    /// <summary>MOSQ_ERR_CONN_REFUSED.</summary>
    ConnectionRefused = 5,

    /// <summary>MOSQ_ERR_NOT_FOUND.</summary>
    NotFound = 6,

    /// <summary>MOSQ_ERR_CONN_LOST.</summary>
    ConnectionLost = 7,

    /// <summary>MOSQ_ERR_TLS.</summary>
    Tls = 8,

    /// <summary>MOSQ_ERR_PAYLOAD_SIZE.</summary>
    PayloadSize = 9,

    /// <summary>MOSQ_ERR_NOT_SUPPORTED.</summary>
    NotSupported = 10,

    /// <summary>MOSQ_ERR_AUTH.</summary>
    Authentication = 11,

    /// <summary>MOSQ_ERR_ACL_DENIED.</summary>
    AccessDenied = 12,

    /// <summary>MOSQ_ERR_UNKNOWN.</summary>
    Unknown = 13,

    /// <summary>MOSQ_ERR_ERRNO: a system call failed; see errno.</summary>
    Errno = 14,

    /// <summary>MOSQ_ERR_EAI: name lookup failed.</summary>
    AddressLookup = 15,

    /// <summary>MOSQ_ERR_MALFORMED_UTF8.</summary>
    MalformedUtf8 = 18,

    /// <summary>MOSQ_ERR_KEEPALIVE.</summary>
    KeepAlive = 19,

    /// <summary>MOSQ_ERR_TLS_HANDSHAKE.</summary>
    TlsHandshake = 23,

    /// <summary>MOSQ_ERR_OVERSIZE_PACKET.</summary>
    OversizePacket = 25,
}
