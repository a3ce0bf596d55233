# asyncio streams over TCP on 127.0.0.1: start_server on port 0 and
# open_connection clients talking to an echo handler; sock_* calls.
import asyncio
import socket

async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while True:
        line = await reader.readline()
        if not line:
            break
        if line.strip() == b"quit":
            writer.write(b"bye\n")
            await writer.drain()
            break
        writer.write(b"echo: " + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    served.append(peer[0])

served = []

async def client(port, name, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = []
    for i in range(n):
        writer.write(f"{name} {i}\n".encode())
        await writer.drain()
        got.append((await reader.readline()).decode().rstrip())
    writer.write(b"quit\n")
    got.append((await reader.readline()).decode().rstrip())
    print(await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    return got

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    addr = server.sockets[0].getsockname()
    print(addr[0], addr[1] > 0, server.is_serving())
    results = await asyncio.gather(client(addr[1], "a", 3), client(addr[1], "b", 2))
    for r in results:
        print(r)

    # a large transfer through the transport's buffering
    reader, writer = await asyncio.open_connection(*addr)
    big = b"z" * 60000 + b"\n"
    writer.write(big)
    await writer.drain()
    line = await reader.readline()
    print(len(line), line[:10])
    writer.close()
    await writer.wait_closed()

    # readexactly and readuntil, and a short read at EOF
    reader, writer = await asyncio.open_connection(*addr)
    writer.write(b"abc;def\n")
    print(await reader.readexactly(6), await reader.readuntil(b";"), await reader.readline())
    writer.write(b"quit\n")
    await reader.readline()
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial, e.expected)
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()
    print(server.is_serving(), sorted(served))

    # the loop's socket calls on non-blocking sockets
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"via loop")
    print(await loop.sock_recv(b, 100))
    task = asyncio.create_task(loop.sock_recv(a, 100))
    await asyncio.sleep(0.01)
    await loop.sock_sendall(b, b"later")
    print(await task)
    a.close(); b.close()

    # connecting to a closed port
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError", e.errno)

asyncio.run(main())
