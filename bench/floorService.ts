// The Service exactly as shipped (node/), plus one bench-only root field, `benchFloor`, that
// calls nothing: same runtime, same @auth and @trackingErrors as every real field. Its latency
// is the runtime floor that part (a) subtracts, so "app overhead" is what node/ adds. Never in
// the shipped schema: floorWorker.ts lays it out, with floorSchema.ts, for the bench's Service
// process only.
import service from '../node'

const graphql = service.config.graphql!
const resolvers = graphql.resolvers as { Query: Record<string, unknown> }
graphql.resolvers = { ...resolvers, Query: { ...resolvers.Query, benchFloor: () => true } }

export default service
