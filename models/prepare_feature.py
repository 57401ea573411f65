#!/usr/bin/env python3
"""Flush denormal float32 weights of an ONNX model to zero, in place of a copy.

Reads just enough of the ONNX protobuf to find every float tensor the graph holds
(graph initializers, tensors inside node attributes, and those of sub-graphs),
and rewrites each denormal float32 value (exponent bits zero, mantissa non-zero)
as a zero of the same sign. The values are fixed-width, so the file length and
every other byte stay the same.

    prepare_feature.py SOURCE DESTINATION

Prints the number of values flushed. Uses the Python standard library only.
"""
import struct
import sys

# Field numbers from onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto).
MODEL_GRAPH = 7
GRAPH_NODE = 1
GRAPH_INITIALIZER = 5
NODE_ATTRIBUTE = 5
ATTRIBUTE_T = 5
ATTRIBUTE_G = 6
ATTRIBUTE_TENSORS = 10
ATTRIBUTE_GRAPHS = 11
TENSOR_DATA_TYPE = 2
TENSOR_FLOAT_DATA = 4
TENSOR_RAW_DATA = 9
TENSOR_DATA_LOCATION = 14
FLOAT = 1

WIRE_VARINT, WIRE_FIXED64, WIRE_LENGTH, WIRE_FIXED32 = 0, 1, 2, 5


class FormatError(Exception):
    pass


def read_varint(data, offset, end):
    value = 0
    shift = 0
    while True:
        if offset >= end:
            raise FormatError("truncated varint")
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, offset
        shift += 7
        if shift > 63:
            raise FormatError("varint too long")


def fields(data, start, end):
    """Yields (field number, wire type, value start, value end, varint value) for one message."""
    offset = start
    while offset < end:
        key, offset = read_varint(data, offset, end)
        number, wire = key >> 3, key & 7
        if wire == WIRE_VARINT:
            value, next_offset = read_varint(data, offset, end)
            yield number, wire, offset, next_offset, value
        elif wire == WIRE_FIXED64:
            next_offset = offset + 8
            yield number, wire, offset, next_offset, None
        elif wire == WIRE_LENGTH:
            length, offset = read_varint(data, offset, end)
            next_offset = offset + length
            yield number, wire, offset, next_offset, None
        elif wire == WIRE_FIXED32:
            next_offset = offset + 4
            yield number, wire, offset, next_offset, None
        else:
            raise FormatError(f"unsupported wire type {wire} at byte {offset}")
        if next_offset > end:
            raise FormatError(f"field {number} runs past its message at byte {offset}")
        offset = next_offset


def flush_floats(data, start, end):
    """Zeroes denormal little-endian float32 values in data[start:end]; returns how many."""
    if (end - start) % 4:
        raise FormatError(f"float data of {end - start} bytes at byte {start} is not a multiple of 4")
    flushed = 0
    for offset in range(start, end, 4):
        (bits,) = struct.unpack_from("<I", data, offset)
        if bits & 0x7F800000 == 0 and bits & 0x007FFFFF:
            struct.pack_into("<I", data, offset, bits & 0x80000000)
            flushed += 1
    return flushed


def tensor(data, start, end):
    data_type = None
    external = False
    chunks = []
    for number, wire, value_start, value_end, value in fields(data, start, end):
        if number == TENSOR_DATA_TYPE and wire == WIRE_VARINT:
            data_type = value
        elif number == TENSOR_DATA_LOCATION and wire == WIRE_VARINT:
            external = value == 1
        elif number in (TENSOR_RAW_DATA, TENSOR_FLOAT_DATA) and wire in (WIRE_LENGTH, WIRE_FIXED32):
            chunks.append((value_start, value_end))
    if data_type != FLOAT:
        return 0
    if external:
        raise FormatError("tensors stored outside the model file are not supported")
    return sum(flush_floats(data, chunk_start, chunk_end) for chunk_start, chunk_end in chunks)


def attribute(data, start, end):
    flushed = 0
    for number, wire, value_start, value_end, _ in fields(data, start, end):
        if wire != WIRE_LENGTH:
            continue
        if number in (ATTRIBUTE_T, ATTRIBUTE_TENSORS):
            flushed += tensor(data, value_start, value_end)
        elif number in (ATTRIBUTE_G, ATTRIBUTE_GRAPHS):
            flushed += graph(data, value_start, value_end)
    return flushed


def node(data, start, end):
    return sum(
        attribute(data, value_start, value_end)
        for number, wire, value_start, value_end, _ in fields(data, start, end)
        if number == NODE_ATTRIBUTE and wire == WIRE_LENGTH)


def graph(data, start, end):
    flushed = 0
    for number, wire, value_start, value_end, _ in fields(data, start, end):
        if wire != WIRE_LENGTH:
            continue
        if number == GRAPH_INITIALIZER:
            flushed += tensor(data, value_start, value_end)
        elif number == GRAPH_NODE:
            flushed += node(data, value_start, value_end)
    return flushed


def model(data):
    graphs = [(s, e) for number, wire, s, e, _ in fields(data, 0, len(data)) if number == MODEL_GRAPH and wire == WIRE_LENGTH]
    if len(graphs) != 1:
        raise FormatError(f"expected one graph in the model, found {len(graphs)}")
    return graph(data, *graphs[0])


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} SOURCE DESTINATION", file=sys.stderr)
        return 2
    source, destination = argv[1], argv[2]
    with open(source, "rb") as stream:
        data = bytearray(stream.read())
    length = len(data)
    try:
        flushed = model(data)
    except FormatError as error:
        print(f"{source}: not a readable ONNX model: {error}", file=sys.stderr)
        return 1
    assert len(data) == length
    with open(destination, "wb") as stream:
        stream.write(data)
    print(flushed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
