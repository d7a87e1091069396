exports.handler = async (event, context) => {
  console.log('GetHelloWorld called');
  return { Hello: 'World' };
};
